import type { IDataObject } from 'n8n-workflow';

import type { EmulatorHandle } from '../helpers/emulator';

export type Profile = 'full' | 'documented';

/**
 * Switch the emulator's profile live (state and buckets stay): `documented` serves only what
 * the published reference documents, `full` also our inferred routes and parameters.
 */
export async function useProfile(emu: EmulatorHandle, profile: Profile): Promise<void> {
	await emu.setProfile(profile);
}

/** The service's /openapi.json as the emulator serves it in the current profile. */
export async function openApiDocument(emu: EmulatorHandle, service: string): Promise<IDataObject> {
	const response = await fetch(`${emu.url}/${service}/openapi.json`);
	return (await response.json()) as IDataObject;
}

/**
 * A copy of an OpenAPI document without one query parameter of one route, to stand for a server
 * that does not have it (serve it with a fault rule of status 200 on `/openapi.json`).
 */
export function withoutQueryParameter(doc: IDataObject, path: string, method: string, name: string): IDataObject {
	const copy = JSON.parse(JSON.stringify(doc)) as IDataObject;
	const paths = copy.paths as Record<string, Record<string, { parameters?: Array<{ name?: string; in?: string }> }>>;
	const operation = paths[path]?.[method.toLowerCase()];
	if (!operation) throw new Error(`the document has no ${method} ${path}`);
	operation.parameters = (operation.parameters ?? []).filter((p) => !(p.in === 'query' && p.name === name));
	return copy;
}

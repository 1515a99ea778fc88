import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_PROFILE, type EmulatorHandle } from '../helpers/emulator';
import type { NodeRun } from '../helpers/suite';

export type Profile = 'full' | 'documented';
/** Both profiles, for tests that run once in each (`describe.each(PROFILES)`). */
export const PROFILES: Profile[] = ['full', 'documented'];

/**
 * The profile every emulator of this jest run starts in: FLOW_EMULATOR_PROFILE (`npm test` runs
 * the engine suite once more with `documented`, stage engine-documented), else `full`. A test
 * that switches the profile itself switches back to this one.
 */
export const SUITE_PROFILE: Profile = DEFAULT_PROFILE;

type TestBody = Parameters<jest.It>[1];

/**
 * For tests of something beyond the published reference (`feature` names the guess), where a
 * test of the documented profile elsewhere covers the same operation on a server without it
 * (test/engine/<service>/documented*.test.ts, files/reference/, audit/event/reference.test.ts):
 * they run in the `full` suite and are skipped in the `documented` one, their name saying why.
 *   const copy = fullOnly('POST /files/copy');  copy.test('copies a file', async () => { ... });
 */
export function fullOnly(feature: string): {
	test: (name: string, body: TestBody, timeout?: number) => void;
	describe: (name: string, body: () => void) => void;
} {
	const skipped = SUITE_PROFILE !== 'full';
	const title = (name: string) => (skipped ? `${name} [full profile only: ${feature}]` : name);
	return {
		test: (name, body, timeout) => (skipped ? test.skip : test)(title(name), body, timeout),
		describe: (name, body) => (skipped ? describe.skip : describe)(title(name), body),
	};
}

/**
 * What a test expects in this suite's profile, for results that differ only because the server
 * leaves out a guess (an x-inferred field the node passes through, a link expiry it cannot know):
 * `expect(json.expires_in).toBe(byProfile({ full: 3600, documented: null }))`.
 */
export function byProfile<T>(expected: { full: T; documented: T }): T {
	return expected[SUITE_PROFILE];
}

/**
 * Switch the emulator's profile live (state and buckets stay): `documented` serves only what
 * the published reference documents, `full` also our inferred routes and parameters.
 */
export async function useProfile(emu: EmulatorHandle, profile: Profile): Promise<void> {
	await emu.setProfile(profile);
}

/**
 * Run the node with the same parameters on the same state in each profile (the request log cleared
 * before each run, which must succeed): the ids of its output items in each, in output order or
 * sorted. For list filters a documented server ignores: the node must give the same answer.
 */
export async function idsInBothProfiles(
	emu: EmulatorHandle,
	run: NodeRun,
	parameters: Record<string, unknown>,
	order: 'output' | 'sorted' = 'output',
): Promise<Record<Profile, string[]>> {
	const results: Partial<Record<Profile, string[]>> = {};
	for (const profile of PROFILES) {
		await useProfile(emu, profile);
		await emu.clearRequests();
		const result = await run(emu, parameters);
		expect(result.status).toBe('success');
		const ids = result.output.map((item) => String(item.json.id));
		results[profile] = order === 'sorted' ? ids.sort() : ids;
	}
	return { full: results.full ?? [], documented: results.documented ?? [] };
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

// Shared set-up for the iFlow Files engine tests (not a test file itself): what is specific to
// Files; the emulator per test file is test/helpers/suite.js's, the profiles test/engine/profile.ts's.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { IFlowFiles } from '../../../nodes/IFlowFiles/IFlowFiles.node';
import { PROJECT_A, type EmulatorHandle } from '../../helpers/emulator';

import { expectRequest, nodeRunner } from '../../helpers/suite';

export { useEmulator, useEmulatorHandle } from '../../helpers/suite';

export const node = new IFlowFiles();
export const run = nodeRunner(node);

/** The first files request with this method; its path must be `path` (one assertion). */
export const expectFilesRequest = async (emu: EmulatorHandle, method: string, path: string) =>
	await expectRequest(emu, { service: 'files', method }, path);
export const BUCKET_A = 'bgl-hereditary-2026';
export const BUCKET_B = 'bgl-somatic-research';

/** Parameters for one operation of the node. */
export function params(resource: string, operation: string, extra: INodeParameters = {}): INodeParameters {
	return { resource, operation, ...extra };
}

/** Write objects into project A's bucket (key → text, or {base64, content_type}). */
export async function seedFiles(emu: EmulatorHandle, files: Record<string, string | IDataObject>, project = PROJECT_A) {
	await emu.control('POST', '/seed', { files: { [project]: files } });
}

/**
 * Serve an edited copy of a service's /openapi.json (a server that lists only some of our
 * routes or parameters): one fault rule answering the document, until the faults are cleared.
 */
export async function serveDocument(emu: EmulatorHandle, service: string, edit: (doc: IDataObject) => void) {
	const doc = (await (await fetch(`${emu.url}/${service}/openapi.json`)).json()) as IDataObject;
	edit(doc);
	await emu.fault({ service, method: 'GET', path: '^/openapi\\.json$', status: 200, body: doc });
}

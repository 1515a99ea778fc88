import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters, IRun } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { PROBE_TOKEN } from '../../helpers/server';
import type { EmulatorHandle } from '../../helpers/emulator';
import { TransportProbe } from './TransportProbe.node';

const node = new TransportProbe();

/** Run one transport call through the engine. */
export async function probe(emu: EmulatorHandle, parameters: INodeParameters, credentials: IDataObject = {}) {
	return await runNode({
		node,
		parameters: { resource: 'probe', operation: 'call', ...parameters },
		credentials: emu.credentials(credentials),
	});
}

export { PROBE_TOKEN };

/** Credentials whose URL template points at any server (not the emulator). */
export function credentialsFor(
	url: string,
	extra: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return { environment: 'custom', baseUrlTemplate: `${url}/{service}`, accessToken: PROBE_TOKEN, ...extra };
}

/** Run one transport call against any server. */
export async function probeAt(
	credentials: ICredentialDataDecryptedObject,
	parameters: INodeParameters,
	options: { onStart?: (pending: Promise<IRun> & { cancel?: () => void }) => void } = {},
) {
	return await runNode({
		node,
		parameters: { resource: 'probe', operation: 'call', ...parameters },
		credentials,
		onStart: options.onStart,
	});
}

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
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

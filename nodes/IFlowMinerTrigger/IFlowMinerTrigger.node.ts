import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { searchProjects } from '../shared/methods';
import { MINER_EVENTS, triggerProperties } from '../IFlowTrigger/description';
import { pollEvents } from '../IFlowTrigger/poll';

/** Named after iFlow Miner plus "Trigger": n8n's nodes panel then lists its events on iFlow Miner. */
export class IFlowMinerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iFlow Miner Trigger',
		name: 'iFlowMinerTrigger',
		icon: {
			light: 'file:../../icons/iflow.svg',
			dark: 'file:../../icons/iflow.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Starts a workflow when an order or a sample is created, or an order changes status, in iFlow',
		defaults: { name: 'iFlow Miner Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iFlowApi', required: true }],
		properties: triggerProperties(MINER_EVENTS),
	};

	methods = { listSearch: { searchProjects } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvents.call(this, MINER_EVENTS);
	}
}

import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { IFLOW_ICON, TRIGGER_NODE } from '../shared/descriptions/node';
import { searchProjects } from '../shared/methods';
import { MINER_EVENTS, EVENT_SUBTITLE, triggerProperties } from '../IFlowTrigger/description';
import { pollEvents } from '../IFlowTrigger/poll';

/**
 * Named after iFlow Miner plus "Trigger": n8n's nodes panel then lists its events on iFlow Miner, and
 * shows this description for the pair (so it describes both).
 */
export class IFlowMinerTrigger implements INodeType {
	description: INodeTypeDescription = {
		...TRIGGER_NODE,
		displayName: 'iFlow Miner Trigger',
		name: 'iFlowMinerTrigger',
		icon: IFLOW_ICON,
		version: 1,
		subtitle: EVENT_SUBTITLE,
		description:
			'Subjects (patients), samples and clinical orders in iFlow: intake from a LIMS, order handling, and a trigger on new orders, new samples and order status changes',
		defaults: { name: 'iFlow Miner Trigger' },
		properties: triggerProperties(MINER_EVENTS),
	};

	methods = { listSearch: { searchProjects } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvents.call(this, MINER_EVENTS);
	}
}

import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { IFLOW_ICON, TRIGGER_NODE } from '../shared/descriptions/node';
import { searchPipelines, searchProjects } from '../shared/methods';
import { COMPUTE_EVENTS, EVENT_SUBTITLE, triggerProperties } from '../IFlowTrigger/description';
import { pollEvents } from '../IFlowTrigger/poll';

/**
 * Named after iFlow Compute plus "Trigger": n8n's nodes panel then lists its events on iFlow Compute, and
 * shows this description for the pair (so it describes both).
 */
export class IFlowComputeTrigger implements INodeType {
	description: INodeTypeDescription = {
		...TRIGGER_NODE,
		displayName: 'iFlow Compute Trigger',
		name: 'iFlowComputeTrigger',
		icon: IFLOW_ICON,
		version: 1,
		subtitle: EVENT_SUBTITLE,
		description:
			'Pipelines and pipeline runs in iFlow: submit, wait for completion, get outputs, and a trigger on finished runs',
		defaults: { name: 'iFlow Compute Trigger' },
		properties: triggerProperties(COMPUTE_EVENTS),
	};

	methods = { listSearch: { searchPipelines, searchProjects } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvents.call(this, COMPUTE_EVENTS);
	}
}

import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { IFLOW_ICON, TRIGGER_NODE } from '../shared/descriptions/node';
import { searchPipelines, searchProjects } from '../shared/methods';
import { ALL_EVENTS, EVENT_SUBTITLE, triggerProperties } from './description';
import { pollEvents } from './poll';

/**
 * The first trigger, with every event. n8n's nodes panel pairs a trigger with the action node
 * whose type name is the trigger's minus "Trigger", so new workflows get one trigger per service
 * (iFlow Miner Trigger, …). This type stays registered, out of the panel, for saved workflows.
 */
export class IFlowTrigger implements INodeType {
	description: INodeTypeDescription = {
		...TRIGGER_NODE,
		displayName: 'iFlow Trigger',
		name: 'iFlowTrigger',
		icon: IFLOW_ICON,
		version: 1,
		hidden: true,
		subtitle: EVENT_SUBTITLE,
		description: 'Starts a workflow when orders, samples, runs, files or reports change in iFlow',
		defaults: { name: 'iFlow Trigger' },
		properties: [
			{
				displayName:
					'New workflows: use the trigger of the service instead (iFlow Miner Trigger, iFlow Compute Trigger, iFlow Files Trigger, iFlow Report Trigger). This node keeps working.',
				name: 'replacedNotice',
				type: 'notice',
				default: '',
			},
			...triggerProperties(ALL_EVENTS),
		],
	};

	methods = { listSearch: { searchProjects, searchPipelines } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvents.call(this, ALL_EVENTS);
	}
}

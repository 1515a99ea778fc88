import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { IFLOW_ICON, TRIGGER_NODE } from '../shared/descriptions/node';
import { searchProjects } from '../shared/methods';
import { REPORT_EVENTS, EVENT_SUBTITLE, triggerProperties } from '../IFlowTrigger/description';
import { pollEvents } from '../IFlowTrigger/poll';

/**
 * Named after iFlow Report plus "Trigger": n8n's nodes panel then lists its events on iFlow Report, and
 * shows this description for the pair (so it describes both).
 */
export class IFlowReportTrigger implements INodeType {
	description: INodeTypeDescription = {
		...TRIGGER_NODE,
		displayName: 'iFlow Report Trigger',
		name: 'iFlowReportTrigger',
		icon: IFLOW_ICON,
		version: 1,
		subtitle: EVENT_SUBTITLE,
		description: 'Clinical reports in iFlow: status, Approve and Sign, signed PDF, and a trigger on signed reports',
		defaults: { name: 'iFlow Report Trigger' },
		properties: triggerProperties(REPORT_EVENTS),
	};

	methods = { listSearch: { searchProjects } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvents.call(this, REPORT_EVENTS);
	}
}

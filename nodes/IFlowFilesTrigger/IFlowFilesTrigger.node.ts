import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { IFLOW_ICON, TRIGGER_NODE } from '../shared/descriptions/node';
import { searchProjects } from '../shared/methods';
import { FILES_EVENTS, EVENT_SUBTITLE, triggerProperties } from '../IFlowTrigger/description';
import { pollEvents } from '../IFlowTrigger/poll';

/**
 * Named after iFlow Files plus "Trigger": n8n's nodes panel then lists its events on iFlow Files, and
 * shows this description for the pair (so it describes both).
 */
export class IFlowFilesTrigger implements INodeType {
	description: INodeTypeDescription = {
		...TRIGGER_NODE,
		displayName: 'iFlow Files Trigger',
		name: 'iFlowFilesTrigger',
		icon: IFLOW_ICON,
		version: 1,
		subtitle: EVENT_SUBTITLE,
		description:
			"Files in an iFlow project's bucket: list, download, upload, link, copy, move, delete, and a trigger on new files",
		defaults: { name: 'iFlow Files Trigger' },
		properties: triggerProperties(FILES_EVENTS),
	};

	methods = { listSearch: { searchProjects } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvents.call(this, FILES_EVENTS);
	}
}

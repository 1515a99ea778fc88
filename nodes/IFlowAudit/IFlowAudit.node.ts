import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { withSimplify } from '../shared/descriptions';
import { ACTION_NODE, ACTION_SUBTITLE, IFLOW_ICON, RESOURCE_FIELD } from '../shared/descriptions/node';
import { getApiPaths, searchProjects } from '../shared/methods';
import { routeItems } from '../shared/router';
import { apiRequest } from './actions/apiRequest';
import * as event from './actions/event/Event.resource';
import { operations } from './actions/router';
import { SIMPLIFY } from './actions/simplify';

export class IFlowAudit implements INodeType {
	description: INodeTypeDescription = {
		...ACTION_NODE,
		displayName: 'iFlow Audit',
		name: 'iFlowAudit',
		icon: IFLOW_ICON,
		// 1.1: Simplify on by default for audit events.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: ACTION_SUBTITLE,
		description: 'The iFlow audit trail: who changed what, and when',
		defaults: { name: 'iFlow Audit' },
		usableAsTool: true,
		properties: [
			{
				...RESOURCE_FIELD,
				type: 'options',
				// Lint rules read this list literally: keep entries as object literals.
				options: [
					{
						name: 'API Request',
						value: 'apiRequest',
						description: 'Call any endpoint of the audit service',
					},
					{ name: 'Event', value: 'event' },
				],
				default: 'event',
			},
			...event.description,
			...apiRequest.description,
		],
	};

	constructor() {
		// A Simplify field for each operation of SIMPLIFY, after that operation's own fields.
		this.description = withSimplify(SIMPLIFY, this.description);
	}

	methods = { listSearch: { getApiPaths, searchProjects } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, operations, { simplify: SIMPLIFY });
	}
}

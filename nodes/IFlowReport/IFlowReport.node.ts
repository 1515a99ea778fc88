import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { withSimplify } from '../shared/descriptions';
import { ACTION_NODE, ACTION_SUBTITLE, IFLOW_ICON, RESOURCE_FIELD } from '../shared/descriptions/node';
import { getApiPaths, searchOrders, searchProjects } from '../shared/methods';
import { routeItems } from '../shared/router';
import { apiRequest } from './actions/apiRequest';
import * as report from './actions/report/Report.resource';
import { operations } from './actions/router';
import { SIMPLIFY } from './actions/simplify';
import { searchReports } from './methods/searchReports';

export class IFlowReport implements INodeType {
	description: INodeTypeDescription = {
		...ACTION_NODE,
		displayName: 'iFlow Report',
		name: 'iFlowReport',
		icon: IFLOW_ICON,
		// 1.1: Simplify on by default for report records (Get, Get Many).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: ACTION_SUBTITLE,
		description: 'Clinical reports in iFlow: status, Approve and Sign, signed PDF',
		defaults: { name: 'iFlow Report' },
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
						description: 'Call any endpoint of the report service',
					},
					{ name: 'Report', value: 'report' },
				],
				default: 'report',
			},
			...report.description,
			...apiRequest.description,
		],
	};

	constructor() {
		// A Simplify field for each operation of SIMPLIFY, after that operation's own fields.
		this.description = withSimplify(SIMPLIFY, this.description);
	}

	methods = { listSearch: { getApiPaths, searchOrders, searchProjects, searchReports } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, operations, { simplify: SIMPLIFY });
	}
}

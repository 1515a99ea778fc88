import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { searchProjects } from '../shared/methods';
import { routeItems } from '../shared/router';
import { apiRequest } from './actions/apiRequest';
import * as project from './actions/project/Project.resource';
import { operations } from './actions/router';

export class IFlowAdmin implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iFlow Admin',
		name: 'iFlowAdmin',
		icon: {
			light: 'file:../../icons/iflow.svg',
			dark: 'file:../../icons/iflow.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Organizations, projects and your default project in iFlow',
		defaults: { name: 'iFlow Admin' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iFlowApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Project', value: 'project' },
					// Lint rules read this list literally: keep entries as object literals.
					{
						name: 'API Request',
						value: 'apiRequest',
						description: 'Call any endpoint of the admin service',
					},
				],
				default: 'project',
			},
			...project.description,
			...apiRequest.description,
		],
	};

	methods = { listSearch: { searchProjects } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, operations);
	}
}

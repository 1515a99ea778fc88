import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeTypeDescription } from 'n8n-workflow';

import { apiRequestResourceOption } from '../../shared/actions/apiRequest';
import { apiRequest } from './apiRequest';
import * as project from './project/Project.resource';

export const versionDescription: INodeTypeDescription = {
	displayName: 'iFlow Admin',
	name: 'iFlowAdmin',
	icon: { light: 'file:../../icons/iflow.svg', dark: 'file:../../icons/iflow.dark.svg' },
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
			options: [{ name: 'Project', value: 'project' }, apiRequestResourceOption],
			default: 'project',
		},
		...project.description,
		...apiRequest.description,
	],
};

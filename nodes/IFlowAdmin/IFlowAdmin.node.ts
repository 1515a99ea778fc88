import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { ACTION_NODE, ACTION_SUBTITLE, IFLOW_ICON, RESOURCE_FIELD } from '../shared/descriptions/node';
import { withSimplify } from '../shared/descriptions';
import { getApiPaths, searchProjects } from '../shared/methods';
import { routeItems } from '../shared/router';
import { apiRequest } from './actions/apiRequest';
import * as organization from './actions/organization/Organization.resource';
import * as project from './actions/project/Project.resource';
import { operations } from './actions/router';
import { SIMPLIFY } from './actions/simplify';
import * as user from './actions/user/User.resource';

export class IFlowAdmin implements INodeType {
	description: INodeTypeDescription = {
		...ACTION_NODE,
		displayName: 'iFlow Admin',
		name: 'iFlowAdmin',
		icon: IFLOW_ICON,
		// 1.1: Simplify on by default for organizations and projects.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: ACTION_SUBTITLE,
		description: 'Organizations, projects and your default project in iFlow',
		defaults: { name: 'iFlow Admin' },
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
						description: 'Call any endpoint of the admin service',
					},
					{ name: 'Organization', value: 'organization' },
					{ name: 'Project', value: 'project' },
					{ name: 'User', value: 'user', description: 'Your own account' },
				],
				default: 'project',
			},
			...organization.description,
			...project.description,
			...user.description,
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

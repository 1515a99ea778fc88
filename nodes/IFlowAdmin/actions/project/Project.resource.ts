import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getCredentials from './getCredentials.operation';
import * as getMany from './getMany.operation';

export const operations = { get, getCredentials, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['project'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a project',
				description: 'Get one project by ID or slug',
			},
			{
				name: 'Get Credentials',
				value: 'getCredentials',
				action: 'Get the storage credentials of a project',
				description: "The project's storage credential (project admins only); secret values masked by default",
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many projects',
				description: 'List the projects your token can access',
			},
		],
		default: 'getMany',
	},
	...get.description,
	...getCredentials.description,
	...getMany.description,
];

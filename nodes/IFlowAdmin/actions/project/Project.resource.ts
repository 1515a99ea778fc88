import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export const operations = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['project'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many projects',
				description: 'List the projects your token can access',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];

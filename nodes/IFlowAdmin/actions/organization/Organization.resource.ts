import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export const operations = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['organization'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many organizations',
				description: 'List the organizations you belong to',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];

import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export const operations = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['variant'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many variants',
				description: 'Variant calls of an order or a sample, filtered by region, gene and quality',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];

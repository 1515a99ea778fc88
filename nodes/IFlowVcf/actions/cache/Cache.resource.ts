import type { INodeProperties } from 'n8n-workflow';

import * as getStatus from './getStatus.operation';
import * as rebuild from './rebuild.operation';

export const operations = { getStatus, rebuild };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['cache'] } },
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get the variant cache status of an order',
				description: 'Whether the variant cache of an order is built, building or failed',
			},
			{
				name: 'Rebuild',
				value: 'rebuild',
				action: 'Rebuild the variant cache of an order',
				description: 'Start building the variant cache again in the background (editor or admin)',
			},
		],
		default: 'getStatus',
	},
	...getStatus.description,
	...rebuild.description,
];

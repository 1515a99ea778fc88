import type { INodeProperties } from 'n8n-workflow';

import * as del from './delete.operation';
import * as list from './list.operation';

export const operations = { delete: del, list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['folder'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a folder',
				description: 'Delete a folder and every file in it',
			},
			{
				name: 'List',
				value: 'list',
				action: 'List a folder',
				description: 'List the files and folders in a folder (or every file below it)',
			},
		],
		default: 'list',
	},
	...del.description,
	...list.description,
];

import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = { create, delete: del, get, getMany, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subject'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a subject',
				description: 'Register a subject (patient); fails if the display ID already exists',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a subject',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a subject',
				description: 'Permanently delete a subject AND all its samples',
			},
			{ name: 'Get', value: 'get', action: 'Get a subject', description: 'Get one subject by ID' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many subjects',
				description: 'List subjects, newest first, optionally filtered by search text or sex',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a subject',
				description: 'Change some fields of a subject; properties are merged',
			},
		],
		default: 'create',
	},
	...create.description,
	...upsert.description,
	...get.description,
	...getMany.description,
	...update.description,
	...del.description,
];

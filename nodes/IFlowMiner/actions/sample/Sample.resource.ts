import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getSampleinfo from './getSampleinfo.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = { create, delete: del, get, getMany, getSampleinfo, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sample'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a sample',
				description: 'Register a sample (specimen) of a subject; fails if the display ID already exists',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a sample',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a sample',
				description: 'Permanently delete a sample (refused while it is on a live order)',
			},
			{ name: 'Get', value: 'get', action: 'Get a sample', description: 'Get one sample by ID' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many samples',
				description: 'List samples, newest first, optionally filtered by search text, type or subject',
			},
			{
				name: 'Get Sampleinfo',
				value: 'getSampleinfo',
				action: 'Get sampleinfo of a sample',
				description: 'Get the pipeline-ready JSON manifest of a sample (sample, subject and uploaded files)',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a sample',
				description: 'Change some fields of a sample; properties are merged',
			},
		],
		default: 'create',
	},
	...create.description,
	...upsert.description,
	...get.description,
	...getMany.description,
	...getSampleinfo.description,
	...update.description,
	...del.description,
];

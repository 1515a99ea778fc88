import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getBySlug from './getBySlug.operation';
import * as getMany from './getMany.operation';
import * as getVersions from './getVersions.operation';

export const operations = { create, get, getBySlug, getMany, getVersions };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['pipeline'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a pipeline version',
				description: 'Register a pipeline version (organization admins)',
			},
			{ name: 'Get', value: 'get', action: 'Get a pipeline', description: 'Get one pipeline version by ID' },
			{
				name: 'Get by Slug',
				value: 'getBySlug',
				action: 'Get a pipeline by slug',
				description: 'Get the latest (or a given) version of a pipeline',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many pipelines',
				description: 'List the active pipeline versions',
			},
			{
				name: 'Get Versions',
				value: 'getVersions',
				action: 'Get the versions of a pipeline',
				description: 'Every version of a pipeline, inactive ones too',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...get.description,
	...getBySlug.description,
	...getVersions.description,
	...create.description,
];

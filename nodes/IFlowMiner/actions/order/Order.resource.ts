import type { INodeProperties } from 'n8n-workflow';

import * as addSample from './addSample.operation';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getSamples from './getSamples.operation';
import * as getSamplesheet from './getSamplesheet.operation';
import * as removeSample from './removeSample.operation';
import * as transition from './transition.operation';
import * as update from './update.operation';

export const operations = {
	addSample,
	cancel,
	create,
	delete: del,
	get,
	getMany,
	getSamples,
	getSamplesheet,
	removeSample,
	transition,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Add Sample',
				value: 'addSample',
				action: 'Add a sample to an order',
				description: 'Put a sample on the order with its role (proband, mother, tumour…)',
			},
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel an order',
				description: 'Cancel the order for good: it stops and can never be resumed (needs project Admin)',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create an order',
				description: 'Create a clinical order (status Created); fails if the display ID already exists',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an order',
				description: 'Permanently delete a Created or Cancelled order and its sample links (needs project Admin)',
			},
			{ name: 'Get', value: 'get', action: 'Get an order', description: 'Get one order by ID' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many orders',
				description: 'List orders, newest first, optionally filtered by status, priority, mode or search text',
			},
			{
				name: 'Get Samples',
				value: 'getSamples',
				action: 'Get samples of an order',
				description: 'List the samples on the order with their roles',
			},
			{
				name: 'Get Samplesheet',
				value: 'getSamplesheet',
				action: 'Get samplesheet of an order',
				description: 'Download the nf-core samplesheet CSV of the order (optionally also one item per row)',
			},
			{
				name: 'Remove Sample',
				value: 'removeSample',
				action: 'Remove a sample from an order',
				description: 'Take a sample off the order (the sample itself is kept)',
			},
			{
				name: 'Transition',
				value: 'transition',
				action: 'Transition an order',
				description: 'Move the order forward: to analyzing, review or sign_off',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an order',
				description: 'Change some fields of an order (not its status: use Transition)',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...del.description,
	...transition.description,
	...cancel.description,
	...getSamplesheet.description,
	...getSamples.description,
	...addSample.description,
	...removeSample.description,
];

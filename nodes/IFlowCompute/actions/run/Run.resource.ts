import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as get from './get.operation';
import * as getLatestSuccessful from './getLatestSuccessful.operation';
import * as getMany from './getMany.operation';
import * as getOutputByName from './getOutputByName.operation';
import * as getOutputs from './getOutputs.operation';
import * as getRunsOfOrder from './getRunsOfOrder.operation';
import * as submit from './submit.operation';
import * as waitForCompletion from './waitForCompletion.operation';

export const operations = {
	cancel,
	get,
	getLatestSuccessful,
	getMany,
	getOutputByName,
	getOutputs,
	getRunsOfOrder,
	submit,
	waitForCompletion,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['run'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a run',
				description: 'Stop a queued or running run (it stays, as cancelled)',
			},
			{ name: 'Get', value: 'get', action: 'Get a run', description: 'Get a run and its status' },
			{
				name: 'Get Latest Successful Run of Order',
				value: 'getLatestSuccessful',
				action: 'Get the latest successful run of an order',
				description: 'The newest succeeded run linked to an order',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many runs',
				description: 'List the runs of the project, newest first',
			},
			{
				name: 'Get Output by Name',
				value: 'getOutputByName',
				action: 'Get a run output by name',
				description: 'One named output of a run, or of the latest successful run of an order',
			},
			{
				name: 'Get Outputs',
				value: 'getOutputs',
				action: 'Get the outputs of a run',
				description: 'The semantic outputs of a succeeded WDL run, one item each',
			},
			{
				name: 'Get Runs of Order',
				value: 'getRunsOfOrder',
				action: 'Get the runs of an order',
				description: 'Runs linked to an order, newest first',
			},
			{
				name: 'Submit',
				value: 'submit',
				action: 'Submit a run',
				description: 'Start a pipeline run, optionally with a callback or waiting for it',
			},
			{
				name: 'Wait for Completion',
				value: 'waitForCompletion',
				action: 'Wait for a run to complete',
				description: 'Poll a run until it ends; fails if the run fails or is cancelled',
			},
		],
		default: 'submit',
	},
	...submit.description,
	...get.description,
	...getMany.description,
	...getOutputs.description,
	...cancel.description,
	...getRunsOfOrder.description,
	...waitForCompletion.description,
	...getLatestSuccessful.description,
	...getOutputByName.description,
];

import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { projectLocator } from '../shared/descriptions';
import { redactRunSecretsInItems } from '../shared/helpers';
import { searchPipelines, searchProjects } from '../shared/methods';
import { pollFlow } from './poll';

export class IFlowTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iFlow Trigger',
		name: 'iFlowTrigger',
		icon: {
			light: 'file:../../icons/iflow.svg',
			dark: 'file:../../icons/iflow.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Starts a workflow when orders, samples, runs, files or reports change in iFlow',
		defaults: { name: 'iFlow Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iFlowApi', required: true }],
		properties: [
			projectLocator,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'File Added',
						value: 'fileAdded',
						description: 'A file was written (uploaded, copied, produced by a run) under a path of the project bucket',
					},
					{
						name: 'Order Created',
						value: 'orderCreated',
						description: 'A new order was created in the project',
					},
					{
						name: 'Order Status Changed',
						value: 'orderStatusChanged',
						description:
							'An order moved to another status (statuses passed through between two polls too, where the server has an audit feed)',
					},
					{
						name: 'Report Signed',
						value: 'reportSigned',
						description: 'A report was approved and signed: its order reached Completed',
					},
					{
						name: 'Run Finished',
						value: 'runFinished',
						description: 'A pipeline run ended: succeeded, failed or cancelled',
					},
					{
						name: 'Sample Created',
						value: 'sampleCreated',
						description: 'A new sample was registered in the project',
					},
				],
				default: 'runFinished',
			},
			{
				displayName: 'To Status',
				name: 'toStatuses',
				type: 'multiOptions',
				options: [
					{ name: 'Analyzing', value: 'analyzing' },
					{ name: 'Cancelled', value: 'cancelled' },
					{ name: 'Completed', value: 'completed' },
					{ name: 'Review', value: 'review' },
					{ name: 'Sign Off', value: 'sign_off' },
				],
				default: [],
				description: 'Only changes into these statuses. Leave empty for every change.',
				displayOptions: { show: { event: ['orderStatusChanged'] } },
			},
			{
				displayName: 'Outcome',
				name: 'outcome',
				type: 'options',
				options: [
					{
						name: 'Any',
						value: 'any',
						description: 'Succeeded, failed or cancelled',
					},
					{ name: 'Cancelled', value: 'cancelled' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Succeeded', value: 'succeeded' },
				],
				default: 'any',
				description: 'Which finished runs start the workflow',
				displayOptions: { show: { event: ['runFinished'] } },
			},
			{
				displayName: 'Pipeline',
				name: 'pipeline',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				description: 'Only runs of this pipeline (any version). Leave empty for every pipeline.',
				displayOptions: { show: { event: ['runFinished'] } },
				modes: [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list',
						placeholder: 'Select a pipeline…',
						typeOptions: { searchListMethod: 'searchPipelines', searchable: true },
					},
					{
						displayName: 'By Slug',
						name: 'id',
						type: 'string',
						placeholder: 'hereditary-mock',
					},
				],
			},
			{
				displayName: 'Path Prefix',
				name: 'pathPrefix',
				type: 'string',
				default: '',
				placeholder: 'analyses/',
				description:
					'Only files whose path in the project bucket starts with this (a gs:// or s3:// URI of the bucket works too). Leave empty for the whole bucket.',
				displayOptions: { show: { event: ['fileAdded'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Existing on First Poll',
						name: 'emitExisting',
						type: 'boolean',
						default: false,
						description:
							"Whether the first poll after activation also emits what already exists, oldest first (for status events: each order's current status). Off: the first poll only records where to start.",
					},
				],
			},
		],
	};

	methods = { listSearch: { searchProjects, searchPipelines } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const outputs = await pollFlow.call(this);
		// Run items carry the run's callback_url: never its signature (see redactRunSecrets).
		return outputs && outputs.map(redactRunSecretsInItems);
	}
}

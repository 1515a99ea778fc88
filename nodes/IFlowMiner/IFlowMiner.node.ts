import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { ACTION_NODE, ACTION_SUBTITLE, IFLOW_ICON, RESOURCE_FIELD } from '../shared/descriptions/node';
import { withSimplify } from '../shared/descriptions';
import { getApiPaths, searchOrders, searchProjects, searchSamples, searchSubjects } from '../shared/methods';
import { routeItems } from '../shared/router';
import { apiRequest } from './actions/apiRequest';
import * as order from './actions/order/Order.resource';
import { operations } from './actions/router';
import * as sample from './actions/sample/Sample.resource';
import { SIMPLIFY } from './actions/simplify';
import * as subject from './actions/subject/Subject.resource';
import { getTransitionTargets } from './methods/loadOptions';

export class IFlowMiner implements INodeType {
	description: INodeTypeDescription = {
		...ACTION_NODE,
		displayName: 'iFlow Miner',
		name: 'iFlowMiner',
		icon: IFLOW_ICON,
		// 1.1: Simplify (on by default) on every operation that returns a record, not only the reads.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: ACTION_SUBTITLE,
		description: 'Subjects (patients), samples and clinical orders in iFlow: intake from a LIMS and order handling',
		defaults: { name: 'iFlow Miner' },
		usableAsTool: true,
		properties: [
			{
				...RESOURCE_FIELD,
				type: 'options',
				options: [
					{
						name: 'API Request',
						value: 'apiRequest',
						description: 'Call any endpoint of the miner service',
					},
					{
						name: 'Order',
						value: 'order',
						description: 'A clinical order: its samples, status (Transition, Cancel) and samplesheet',
					},
					{ name: 'Sample', value: 'sample', description: 'A specimen taken from a subject' },
					{ name: 'Subject', value: 'subject', description: 'A patient (or other person) samples come from' },
				],
				default: 'order',
			},
			...subject.description,
			...sample.description,
			...order.description,
			...apiRequest.description,
			{
				displayName: 'Batching',
				name: 'batching',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Items in Parallel',
						name: 'concurrency',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 16 },
						default: 1,
						description:
							'How many input items to send to iFlow at the same time. 1 (default) sends them one after another. Output order is kept either way.',
					},
				],
			},
		],
	};

	constructor() {
		// A Simplify field for each operation of SIMPLIFY, after that operation's own fields.
		this.description = withSimplify(SIMPLIFY, this.description);
	}

	methods = {
		listSearch: { getApiPaths, searchProjects, searchSubjects, searchSamples, searchOrders },
		loadOptions: { getTransitionTargets },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const batching = this.getNodeParameter('batching', 0, {}) as { concurrency?: number };
		return await routeItems.call(this, operations, { concurrency: batching.concurrency ?? 1, simplify: SIMPLIFY });
	}
}

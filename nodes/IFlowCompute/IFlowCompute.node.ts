import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { ACTION_NODE, ACTION_SUBTITLE, IFLOW_ICON, RESOURCE_FIELD } from '../shared/descriptions/node';
import { withSimplify } from '../shared/descriptions';
import { redactRunSecretsInItems } from '../shared/helpers';
import { getApiPaths, searchOrders, searchPipelines, searchProjects } from '../shared/methods';
import { routeItems } from '../shared/router';
import { apiRequest } from './actions/apiRequest';
import * as pipeline from './actions/pipeline/Pipeline.resource';
import { operations } from './actions/router';
import * as run from './actions/run/Run.resource';
import { SIMPLIFY } from './actions/simplify';
import { getPipelineVersions } from './methods/loadOptions';

export class IFlowCompute implements INodeType {
	description: INodeTypeDescription = {
		...ACTION_NODE,
		displayName: 'iFlow Compute',
		name: 'iFlowCompute',
		icon: IFLOW_ICON,
		// 1.1: Get Output by Name adds the signed download link only when asked (see its field).
		// 1.2: Simplify on by default for every operation that returns runs, outputs or pipelines.
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle: ACTION_SUBTITLE,
		description: 'Pipelines and pipeline runs in iFlow: submit, wait for completion, get outputs',
		defaults: { name: 'iFlow Compute' },
		usableAsTool: true,
		properties: [
			{
				...RESOURCE_FIELD,
				type: 'options',
				options: [
					{ name: 'Pipeline', value: 'pipeline' },
					{ name: 'Run', value: 'run' },
					// Lint rules read this list literally: keep entries as object literals.
					{
						name: 'API Request',
						value: 'apiRequest',
						description: 'Call any endpoint of the compute service',
					},
				],
				default: 'run',
			},
			...pipeline.description,
			...run.description,
			...apiRequest.description,
		],
	};

	constructor() {
		// A Simplify field for each operation of SIMPLIFY, after that operation's own fields.
		this.description = withSimplify(SIMPLIFY, this.description);
	}

	methods = {
		listSearch: { getApiPaths, searchOrders, searchPipelines, searchProjects },
		loadOptions: { getPipelineVersions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// Every Compute output may carry a run (API Request too): its callback secret is redacted here, once.
		const outputs = await routeItems.call(this, operations, { simplify: SIMPLIFY });
		return outputs.map(redactRunSecretsInItems);
	}
}

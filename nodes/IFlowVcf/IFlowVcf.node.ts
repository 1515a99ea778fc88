import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { withSimplify } from '../shared/descriptions';
import { ACTION_NODE, ACTION_SUBTITLE, IFLOW_ICON, RESOURCE_FIELD } from '../shared/descriptions/node';
import { getApiPaths, searchOrders, searchProjects, searchSamples } from '../shared/methods';
import { routeItems } from '../shared/router';
import { apiRequest } from './actions/apiRequest';
import * as cache from './actions/cache/Cache.resource';
import { operations } from './actions/router';
import { SIMPLIFY } from './actions/simplify';
import * as variant from './actions/variant/Variant.resource';

export class IFlowVcf implements INodeType {
	description: INodeTypeDescription = {
		...ACTION_NODE,
		displayName: 'iFlow VCF',
		name: 'iFlowVcf',
		icon: IFLOW_ICON,
		// 1.1: Simplify on by default for variants.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: ACTION_SUBTITLE,
		description: 'Variant calls of iFlow orders and samples',
		defaults: { name: 'iFlow VCF' },
		usableAsTool: true,
		properties: [
			{
				...RESOURCE_FIELD,
				type: 'options',
				// Lint rules read this list literally: keep entries as object literals.
				options: [
					{
						name: 'API Request',
						value: 'apiRequest',
						description: 'Call any endpoint of the VCF service',
					},
					{ name: 'Variant', value: 'variant' },
					{ name: 'Variant Cache', value: 'cache', description: 'The per-order store variant queries read' },
				],
				default: 'variant',
			},
			...variant.description,
			...cache.description,
			...apiRequest.description,
		],
	};

	constructor() {
		// A Simplify field for each operation of SIMPLIFY, after that operation's own fields.
		this.description = withSimplify(SIMPLIFY, this.description);
	}

	methods = { listSearch: { getApiPaths, searchOrders, searchProjects, searchSamples } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, operations, { simplify: SIMPLIFY });
	}
}

import { NodeOperationError } from 'n8n-workflow';
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { API_METHODS, apiOperationsFromOpenApi } from '../helpers/openApi';
import { FLOW_SERVICES, flowRequest } from '../transport';
import type { FlowService } from '../transport';

/** The Flow service a node talks to, from its type: `n8n-nodes-iflow.iFlowMiner` (or `CUSTOM.iFlowMiner`) → miner. */
export function serviceOfNodeType(type: string): FlowService | undefined {
	const name = type
		.slice(type.lastIndexOf('.') + 1)
		.replace(/^iflow/i, '')
		.toLowerCase();
	return FLOW_SERVICES.find((service) => service === name);
}

const SUMMARY_LENGTH = 90;

/**
 * API Request's Path list: the operations of the node's service, read from its live
 * `/openapi.json`, so endpoints Flow adds later show up without a new release.
 */
export async function getApiPaths(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const service = serviceOfNodeType(this.getNode().type);
	if (!service) {
		throw new NodeOperationError(this.getNode(), `Cannot tell which iFlow service "${this.getNode().type}" uses`);
	}
	const doc = await flowRequest.call(this, { service, method: 'GET', path: '/openapi.json', root: true });
	const needle = (filter ?? '').toLowerCase();
	const results = apiOperationsFromOpenApi(doc)
		.map(({ method, path, summary }) => {
			const short = summary.length > SUMMARY_LENGTH ? `${summary.slice(0, SUMMARY_LENGTH - 1)}…` : summary;
			return { name: `${method} ${path}${short ? ` — ${short}` : ''}`, value: `${method} ${path}`, path, method };
		})
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle))
		.sort(
			(a, b) =>
				a.path.localeCompare(b.path) ||
				API_METHODS.indexOf(a.method as (typeof API_METHODS)[number]) -
					API_METHODS.indexOf(b.method as (typeof API_METHODS)[number]),
		)
		.map(({ name, value }) => ({ name, value }));
	return { results };
}

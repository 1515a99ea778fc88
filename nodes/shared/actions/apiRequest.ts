import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { projectLocator } from '../descriptions/project';
import type { OperationModule } from '../router';
import { flowRequestFull } from '../transport';
import type { FlowService } from '../transport';

const METHODS: IHttpRequestMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function fields(service: FlowService): INodeProperties[] {
	const show = { resource: ['apiRequest'], operation: ['send'] };
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['apiRequest'] } },
			options: [
				{
					name: 'Send',
					value: 'send',
					action: 'Send an API request',
					description: `Send a request to the iFlow ${service} API`,
				},
			],
			default: 'send',
		},
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: METHODS.map((method) => ({ name: method, value: method })),
			default: 'GET',
			displayOptions: { show },
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			default: '',
			required: true,
			placeholder: '/orders',
			description: `Path under the ${service} service's /api/v1, e.g. /orders/{ID}. Any path is accepted.`,
			displayOptions: { show },
		},
		{ ...projectLocator, displayOptions: { show } },
		{
			displayName: 'Query Parameters',
			name: 'query',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Parameter',
			default: {},
			displayOptions: { show },
			options: [
				{
					name: 'parameter',
					displayName: 'Parameter',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Body (JSON)',
			name: 'body',
			type: 'json',
			default: '',
			description: 'JSON body for POST, PUT and PATCH',
			displayOptions: { show: { ...show, method: ['POST', 'PUT', 'PATCH'] } },
		},
	];
}

/** Reject what cannot be a path under /api/v1 before anything is sent. */
export function validateApiPath(path: string): string | undefined {
	const trimmed = path.trim();
	if (!trimmed) return 'Path is empty';
	if (/^[a-z]+:\/\//i.test(trimmed)) return 'Path must be relative to the service (e.g. /orders), not a full URL';
	if (trimmed.split(/[/?#]/).includes('..')) return 'Path must not contain ".." segments';
	if (/\s/.test(trimmed)) return 'Path must not contain spaces';
	return undefined;
}

export function parseJsonParameter(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): IDataObject | IDataObject[] | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === '' || raw === undefined || raw === null) return undefined;
	if (typeof raw === 'object') return raw as IDataObject;
	try {
		const parsed = JSON.parse(String(raw)) as unknown;
		if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object or array');
		return parsed as IDataObject;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' is not valid JSON: ${(error as Error).message}`, {
			itemIndex,
		});
	}
}

/** API Request for one service: any method and path, through the shared transport. */
export function apiRequestOperation(service: FlowService): OperationModule {
	return {
		description: fields(service),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
			if (!METHODS.includes(method)) {
				throw new NodeOperationError(this.getNode(), `'Method' must be one of ${METHODS.join(', ')}`, { itemIndex });
			}
			const rawPath = this.getNodeParameter('path', itemIndex) as string;
			const problem = validateApiPath(rawPath);
			if (problem) throw new NodeOperationError(this.getNode(), `'Path': ${problem}`, { itemIndex });
			const path = (rawPath.trim().startsWith('/') ? rawPath.trim() : `/${rawPath.trim()}`).replace(
				/^\/api\/v1(?=\/)/,
				'',
			);
			const body = ['POST', 'PUT', 'PATCH'].includes(method)
				? parseJsonParameter(this, 'body', 'Body (JSON)', itemIndex)
				: undefined;
			const query = this.getNodeParameter('query.parameter', itemIndex, []) as Array<{ name: string; value: string }>;
			const qs: IDataObject = {};
			for (const { name, value } of query) if (name) qs[name] = value;

			const response = await flowRequestFull.call(this, {
				service,
				method,
				path,
				qs,
				body,
				project: service === 'admin' ? 'none' : 'optional',
				projectInQuery: service === 'files',
				itemIndex,
			});
			const payload = response.body;
			if (Array.isArray(payload)) return payload as IDataObject[];
			if (payload && typeof payload === 'object') return payload as IDataObject;
			return { statusCode: response.statusCode, body: payload ?? null };
		},
	};
}

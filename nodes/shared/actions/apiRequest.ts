import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { projectField } from '../descriptions/project';
import { parseJsonParameter } from '../helpers/params';
import { itemProject } from '../project';
import { API_METHODS, fillPathParameters, splitMethodAndPath } from '../helpers/openApi';
import { requestPathProblem } from '../helpers/pathSafety';
import type { OperationModule } from '../router';
import { flowRequestFull } from '../transport';
import type { FlowService } from '../transport';

const METHODS: readonly string[] = API_METHODS;
const WITH_BODY = ['POST', 'PUT', 'PATCH'];

function nameValueCollection(
	name: string,
	displayName: string,
	placeholder: string,
	example: { name: string; value: string },
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder,
		default: {},
		options: [
			{
				name: 'parameter',
				displayName: 'Parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: example.name },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: example.value },
				],
			},
		],
	};
}

function fields(service: FlowService): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: [
				{ name: 'DELETE', value: 'DELETE' },
				{ name: 'GET', value: 'GET' },
				{ name: 'PATCH', value: 'PATCH' },
				{ name: 'POST', value: 'POST' },
				{ name: 'PUT', value: 'PUT' },
			],
			default: 'GET',
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			description: `Endpoint under the ${service} service's /api/v1. Pick one the service documents, or type any path.`,
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Select an endpoint…',
					typeOptions: { searchListMethod: 'getApiPaths', searchable: true, searchFilterRequired: false },
				},
				{
					displayName: 'By Path',
					name: 'path',
					type: 'string',
					placeholder: '/orders/{order_id}',
				},
			],
		},
		{
			...nameValueCollection('pathParameters', 'Path Parameters', 'Add Path Parameter', {
				name: 'order_id',
				value: 'd1f0a2b3-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
			}),
			description: 'Values for placeholders in the path, e.g. name order_id fills {order_id}',
		},
		projectField(),
		{
			...nameValueCollection('query', 'Query Parameters', 'Add Parameter', { name: 'status', value: 'analyzing' }),
		},
		{
			displayName: 'Body (JSON)',
			name: 'body',
			type: 'json',
			default: '',
			description: 'JSON body for POST, PUT and PATCH',
			displayOptions: { show: { method: WITH_BODY } },
		},
	];
	const displayOptions = { show: { resource: ['apiRequest'], operation: ['send'] } };
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
		...updateDisplayOptions(displayOptions, properties),
	];
}

/** Reject what cannot be a path under /api/v1 before anything is sent. */
export function validateApiPath(path: string): string | undefined {
	const trimmed = path.trim();
	if (!trimmed) return 'Path is empty';
	if (/^[a-z]+:\/\//i.test(trimmed)) return 'Path must be relative to the service (e.g. /orders), not a full URL';
	if (trimmed.split(/[/?#]/).includes('..')) return 'Path must not contain ".." segments';
	if (/\s/.test(trimmed)) return 'Path must not contain spaces';
	if (/[?#]/.test(trimmed)) return "Path must not contain '?' or '#': put query values under 'Query Parameters'";
	return undefined;
}

type NameValue = { name?: string; value?: string };

/** Method and path of an API Request item, checked before anything is sent. */
function requestTarget(ctx: IExecuteFunctions, itemIndex: number): { method: IHttpRequestMethods; path: string } {
	const fail = (message: string) => new NodeOperationError(ctx.getNode(), message, { itemIndex });
	const method = String(ctx.getNodeParameter('method', itemIndex) ?? '').toUpperCase();
	if (!METHODS.includes(method)) throw fail(`'Method' must be one of ${METHODS.join(', ')}, got "${method}"`);

	const raw = ctx.getNodeParameter('path', itemIndex, '', { extractValue: true }) as unknown;
	const picked = splitMethodAndPath(typeof raw === 'string' ? raw : '');
	if (picked.method && picked.method !== method) {
		throw fail(`'Path' is a ${picked.method} endpoint but 'Method' is ${method}: set 'Method' to ${picked.method}`);
	}
	const problem = validateApiPath(picked.path);
	if (problem) throw fail(`'Path': ${problem}`);

	const values = ctx.getNodeParameter('pathParameters.parameter', itemIndex, []) as NameValue[];
	const filled = fillPathParameters(picked.path, values);
	if (!filled.path) {
		if (filled.unsafeField) throw fail(`'Path Parameters' (${filled.unsafeField}): ${filled.problem}`);
		throw fail(
			`'Path Parameters': ${filled.problem} (path ${picked.path}). Add a value for it or type it into the path.`,
		);
	}
	const withSlash = filled.path.startsWith('/') ? filled.path : `/${filled.path}`;
	// The final path is what the URL parser and the server will normalise: check it after filling,
	// so that a value typed into the path by an expression cannot climb out of its endpoint either.
	const unsafe = requestPathProblem(withSlash);
	if (unsafe) throw fail(`'Path': the path ${JSON.stringify(withSlash.slice(0, 200))} ${unsafe}`);
	return { method: method as IHttpRequestMethods, path: withSlash.replace(/^\/api\/v1(?=\/)/, '') };
}

/** API Request for one service: any method and path, through the shared transport. */
export function apiRequestOperation(service: FlowService): OperationModule {
	return {
		description: fields(service),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const { method, path } = requestTarget(this, itemIndex);
			const body = WITH_BODY.includes(method) ? parseJsonParameter(this, 'body', 'Body (JSON)', itemIndex) : undefined;
			const query = this.getNodeParameter('query.parameter', itemIndex, []) as NameValue[];
			const qs: IDataObject = {};
			for (const { name, value } of query) if (name) qs[name] = value ?? '';

			const response = await flowRequestFull.call(this, {
				service,
				method,
				path,
				qs,
				body,
				project: service === 'admin' ? 'none' : 'optional',
				projectId: itemProject(this, itemIndex),
				projectInQuery: service === 'files',
				itemIndex,
			});
			const payload = response.body;
			const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
			if (Array.isArray(payload) && payload.every(isRecord)) return payload as IDataObject[];
			if (isRecord(payload)) return payload as IDataObject;
			return { statusCode: response.statusCode, body: payload === '' || payload === undefined ? null : payload };
		},
	};
}

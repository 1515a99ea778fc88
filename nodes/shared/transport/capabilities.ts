import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { apiOperationsFromOpenApi, findApiOperation } from '../helpers/openApi';
import type { ApiOperation } from '../helpers/openApi';
import type { FlowContext } from './context';
import { extractDetail } from './errors';
import type { FlowCallInfo } from './errors';
import type { FlowService } from './services';

// What a Flow server offers beyond the published reference (docs/api-contract.md) is known only
// from its own `/openapi.json` (every Flow service serves one, CONFIRMED). Nodes use a route or
// query parameter the reference marks INFERRED only when that document lists it, and give the
// same answer without it. The document is read once per node execution and service.

export interface ServiceApi {
	/**
	 * False when the server gave no usable document: then routes beyond the reference are tried
	 * and query parameters beyond it are not assumed. A document that lists no `/api/v1` route at
	 * all (the VCF and Audit services of the reference, the Report service's HTML pages) is known:
	 * it shows that the service has no REST API.
	 */
	known: boolean;
	operations: ApiOperation[];
}

type Fetch = (service: FlowService) => Promise<unknown>;

const documents = new WeakMap<object, Map<FlowService, Promise<ServiceApi>>>();

/** The service's OpenAPI operations, read once per context (`fetch` is the transport's GET). */
export async function serviceApi(ctx: FlowContext, service: FlowService, fetch: Fetch): Promise<ServiceApi> {
	let perService = documents.get(ctx);
	if (!perService) documents.set(ctx, (perService = new Map()));
	let cached = perService.get(service);
	if (!cached) {
		cached = fetch(service).then(
			(doc) => {
				const operations = apiOperationsFromOpenApi(doc);
				return { known: operations.length > 0 || isOpenApiDocument(doc), operations };
			},
			() => ({ known: false, operations: [] }),
		);
		perService.set(service, cached);
	}
	return await cached;
}

function isOpenApiDocument(doc: unknown): boolean {
	if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return false;
	const { openapi, swagger, paths } = doc as Record<string, unknown>;
	return (typeof openapi === 'string' || typeof swagger === 'string') && !!paths && typeof paths === 'object';
}

/** Does the server list this route (method + concrete path or template)? Unknown counts as no. */
export function routeListed(api: ServiceApi, method: string, path: string): boolean {
	return api.known && findApiOperation(api.operations, method, path) !== undefined;
}

/** Does the server list this query parameter on the route? Unknown counts as no. */
export function queryParameterListed(api: ServiceApi, method: string, path: string, name: string): boolean {
	return api.known && (findApiOperation(api.operations, method, path)?.query.includes(name) ?? false);
}

/** FastAPI's answer for a route it does not have; a missing record says more ("Order not found"). */
export function looksLikeRoute404(body: unknown): boolean {
	return extractDetail(body) === 'Not Found';
}

/**
 * A route-level 404 (the route is missing on this server, not the record): the body is FastAPI's
 * bare "Not Found" and the server's document, when there is one, does not list the route.
 */
export function isRouteMissing(api: ServiceApi, method: string, path: string): boolean {
	return !api.known || !routeListed(api, method, path);
}

function notOfferedText(call: Pick<FlowCallInfo, 'service' | 'method' | 'path'>, instead?: string) {
	return {
		message: `This iFlow server does not offer ${call.method} ${call.path} (${call.service} service)`,
		description:
			`The endpoint is not in the published iFlow API reference, and this server does not have it, so the operation cannot work here. This is not a wrong ID.` +
			(instead ? ` Instead: ${instead}` : ''),
	};
}

const NOT_OFFERED = 'endpointNotOffered';

/** Marks an error as "the server does not offer this", so a caller can fall back to another way. */
function markNotOffered<T extends NodeApiError | NodeOperationError>(error: T): T {
	error.context = { ...(error.context ?? {}), [NOT_OFFERED]: true };
	return error;
}

/** Was this error raised because the server does not offer an endpoint (before or after a request)? */
export function isEndpointNotOffered(error: unknown): boolean {
	return (
		(error instanceof NodeApiError || error instanceof NodeOperationError) && error.context?.[NOT_OFFERED] === true
	);
}

/** Raised before any request, when the server's document already shows the route is missing. */
export function endpointNotOfferedError(
	node: INode,
	call: Pick<FlowCallInfo, 'service' | 'method' | 'path' | 'itemIndex'>,
	instead?: string,
): NodeOperationError {
	const { message, description } = notOfferedText(call, instead);
	return markNotOffered(new NodeOperationError(node, message, { description, itemIndex: call.itemIndex }));
}

/**
 * Raised before any request when an option needs a query parameter the server's document does
 * not list: a server that ignores it would answer as if the option were not set.
 */
export function parameterNotOfferedError(
	node: INode,
	call: Pick<FlowCallInfo, 'service' | 'method' | 'path' | 'itemIndex'>,
	parameter: string,
	instead?: string,
): NodeOperationError {
	const message = `This iFlow server does not offer the '${parameter}' parameter of ${call.method} ${call.path} (${call.service} service)`;
	const description =
		`The parameter is not in the published iFlow API reference, and this server's /openapi.json does not list it: the server would ignore it and answer as if the option were not set.` +
		(instead ? ` Instead: ${instead}` : '');
	return markNotOffered(new NodeOperationError(node, message, { description, itemIndex: call.itemIndex }));
}

/** Raised for a route-level 404 after the request. */
export function endpointMissingError(node: INode, call: FlowCallInfo, instead?: string): NodeApiError {
	const { message, description } = notOfferedText(call, instead);
	const error = new NodeApiError(node, { status: 404, detail: 'Not Found' } as JsonObject, {
		message,
		description,
		httpCode: '404',
		itemIndex: call.itemIndex,
	});
	error.message = message;
	error.description = description;
	return markNotOffered(error);
}

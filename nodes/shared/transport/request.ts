import { sleep } from 'n8n-workflow';
import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import {
	endpointMissingError,
	endpointNotOfferedError,
	isRouteMissing,
	looksLikeRoute404,
	routeListed,
	serviceApi,
} from './capabilities';
import type { ServiceApi } from './capabilities';
import type { FlowContext } from './context';
import { CREDENTIAL_TYPE, getFlowCredentials } from './context';
import { flowHttpError, flowNetworkError } from './errors';
import type { FlowCallInfo } from './errors';
import type { ProjectRule } from './project';
import { resolveProjectId } from './project';
import {
	DEFAULT_RETRY_POLICY,
	isIdempotent,
	isNetworkError,
	isRetryableStatus,
	parseRetryAfter,
	retryDelayMs,
} from './retry';
import type { RetryPolicy } from './retry';
import type { FlowService } from './services';
import { serviceApiUrl, serviceRootUrl } from './services';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface FlowRequest {
	service: FlowService;
	method: IHttpRequestMethods;
	/** Path under the service's `/api/v1`, e.g. `/orders/123`; with `root: true`, under the service root. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: IDataObject;
	/** X-Project-ID rule of the endpoint; default 'none'. */
	project?: ProjectRule;
	/** A project id that wins over the node's field and the credential. */
	projectId?: string;
	/** Files also takes the project as `project_id` query parameter. */
	projectInQuery?: boolean;
	itemIndex?: number;
	timeout?: number;
	/** Override the method-based rule (e.g. a POST that only issues a signed URL is safe to repeat). */
	idempotent?: boolean;
	/** Path relative to the service root instead of `/api/v1` (e.g. `/openapi.json`). */
	root?: boolean;
	json?: boolean;
	retry?: Partial<RetryPolicy>;
	/**
	 * The route is beyond the published reference (INFERRED): it is called only when the server's
	 * `/openapi.json` lists it (or gives no document); otherwise the call fails before any request
	 * with an error that says so and names `instead`.
	 */
	beyondReference?: { instead?: string };
	/** What to use instead, named when the server answers that the route itself is missing. */
	instead?: string;
}

export interface FlowResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, unknown>;
	body: T;
	projectId?: string;
}

function errorCode(error: unknown): string | undefined {
	const candidates = [
		error,
		(error as { cause?: unknown })?.cause,
		(error as { cause?: { cause?: unknown } })?.cause?.cause,
	];
	for (const candidate of candidates) {
		const code = (candidate as { code?: unknown })?.code;
		if (typeof code === 'string' && code) return code;
	}
	const text = String((error as Error)?.message ?? '');
	return /timeout/i.test(text) ? 'ETIMEDOUT' : /socket hang up/i.test(text) ? 'ECONNRESET' : undefined;
}

/** The service's `/openapi.json` operations, read once per context. */
export async function flowServiceApi(ctx: FlowContext, service: FlowService): Promise<ServiceApi> {
	return await serviceApi(ctx, service, async (name) =>
		flowRequest.call(ctx, {
			service: name,
			method: 'GET',
			path: '/openapi.json',
			root: true,
			retry: { maxAttempts: 2 },
		}),
	);
}

/**
 * Every call to a Flow service goes through here: base URL, auth, X-Project-ID, JSON,
 * timeout, retries and readable errors. Returns the full response.
 */
export async function flowRequestFull<T = unknown>(this: FlowContext, request: FlowRequest): Promise<FlowResponse<T>> {
	const itemIndex = request.itemIndex ?? 0;
	if (request.beyondReference) {
		const api = await flowServiceApi(this, request.service);
		if (api.known && !routeListed(api, request.method, request.path))
			throw endpointNotOfferedError(this.getNode(), { ...request, itemIndex }, request.beyondReference.instead);
	}
	const credentials = await getFlowCredentials(this);
	const projectId = await resolveProjectId(this, request.project ?? 'none', itemIndex, request.projectId);
	const secrets = [String(credentials.accessToken ?? '')];
	const base = request.root
		? serviceRootUrl(credentials, request.service)
		: serviceApiUrl(credentials, request.service);

	const headers: IDataObject = { Accept: 'application/json', ...(request.headers ?? {}) };
	const qs: IDataObject = { ...(request.qs ?? {}) };
	if (projectId) {
		headers['X-Project-ID'] = projectId;
		if (request.projectInQuery) qs.project_id = projectId;
	}
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${base}${request.path}`,
		qs,
		headers,
		json: request.json ?? true,
		timeout: request.timeout ?? DEFAULT_TIMEOUT_MS,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (request.body !== undefined) options.body = request.body;

	const policy = { ...DEFAULT_RETRY_POLICY, ...(request.retry ?? {}) };
	const call: FlowCallInfo = {
		service: request.service,
		method: request.method,
		path: request.path,
		itemIndex,
		projectId,
	};
	const signal = 'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal?.() : undefined;
	let waited = 0;

	for (let attempt = 1; ; attempt++) {
		call.attempts = attempt;
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				options,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			const code = errorCode(error) ?? 'ECONNRESET';
			const retryable = isNetworkError(code) && isIdempotent(request.method, request.idempotent);
			const delay = retryDelayMs(attempt, undefined, policy);
			if (retryable && attempt < policy.maxAttempts && waited + delay <= policy.maxTotalWaitMs && !signal?.aborted) {
				waited += delay;
				await sleep(delay);
				continue;
			}
			throw flowNetworkError(this.getNode(), code, call, retryable, secrets);
		}

		const status = response.statusCode;
		if (status < 400)
			return {
				statusCode: status,
				headers: response.headers as Record<string, unknown>,
				body: response.body as T,
				projectId,
			};

		if (
			isRetryableStatus(status, request.method, request.idempotent) &&
			attempt < policy.maxAttempts &&
			!signal?.aborted
		) {
			const retryAfter = parseRetryAfter((response.headers as Record<string, unknown>)?.['retry-after']);
			const delay = retryDelayMs(attempt, retryAfter, policy);
			if (waited + delay <= policy.maxTotalWaitMs) {
				waited += delay;
				await sleep(delay);
				continue;
			}
		}
		if (status === 404 && !request.root && looksLikeRoute404(response.body)) {
			const api = await flowServiceApi(this, request.service);
			if (isRouteMissing(api, request.method, request.path))
				throw endpointMissingError(this.getNode(), call, request.beyondReference?.instead ?? request.instead);
		}
		throw flowHttpError(this.getNode(), status, response.body, call, secrets);
	}
}

/** A Flow call that returns the response body (`undefined` for 204). */
export async function flowRequest<T = unknown>(this: FlowContext, request: FlowRequest): Promise<T> {
	const response = await flowRequestFull.call<FlowContext, [FlowRequest], Promise<FlowResponse<T>>>(this, request);
	return (response.statusCode === 204 || (response.body as unknown) === '' ? undefined : response.body) as T;
}

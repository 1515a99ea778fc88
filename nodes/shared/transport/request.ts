import { NodeOperationError, sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	NodeApiError,
} from 'n8n-workflow';

import {
	endpointMissingError,
	endpointNotOfferedError,
	isRouteMissing,
	looksLikeRoute404,
	parameterNotOfferedError,
	queryParameterListed,
	routeListed,
	serviceApi,
} from './capabilities';
import type { ServiceApi } from './capabilities';
import type { FlowContext } from './context';
import { CREDENTIAL_TYPE, getFlowCredentials } from './context';
import {
	flowDeadlineError,
	flowHttpError,
	flowNetworkError,
	flowRedirectError,
	flowTooLargeError,
	markOutcomeUnknown,
} from './errors';
import type { FlowCallInfo } from './errors';
import { DEFAULT_DEADLINE_MS, DEFAULT_MAX_BODY_BYTES, discardBody, parseBody, readBody, untilAborted } from './limits';
import type { ProjectRule } from './project';
import { resolveProjectId } from './project';
import { decideRedirect, isRedirect } from './redirect';
import type { RedirectRefusal } from './redirect';
import {
	DEFAULT_RETRY_POLICY,
	isIdempotent,
	isNetworkError,
	isRetryableStatus,
	networkErrorCode,
	parseRetryAfter,
	retryDelayMs,
} from './retry';
import type { RetryPolicy } from './retry';
import type { FlowService } from './services';
import { serviceApiUrl, serviceRootUrl, unencryptedUrlProblem } from './services';

/** Socket idle timeout: the longest silence between two bytes. */
export const DEFAULT_TIMEOUT_MS = 30_000;
export { DEFAULT_DEADLINE_MS, DEFAULT_MAX_BODY_BYTES };

export interface FlowRequestBase {
	service: FlowService;
	method: IHttpRequestMethods;
	/** Path under the service's `/api/v1`, e.g. `/orders/123`; with `root: true`, under the service root. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: IDataObject;
	/** Files also takes the project as `project_id` query parameter. */
	projectInQuery?: boolean;
	itemIndex?: number;
	/** Socket idle timeout in ms (default 30 s). */
	timeout?: number;
	/** Total time of one attempt in ms, body and same-origin redirects included (default 60 s). */
	deadline?: number;
	/** Largest answer body read, in bytes (default 32 MiB). */
	maxBodyBytes?: number;
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

/**
 * The endpoint's X-Project-ID rule (default 'none') and, for 'required' and 'optional', the
 * project the operation chose for this item (`itemProject` in nodes/shared/project.ts, or an id it
 * read elsewhere); empty or undefined means the credential's Default Project ID. The transport
 * never reads the node's Project field itself: a project-scoped call must say which project.
 */
export type ProjectScope =
	| { project?: 'none'; projectId?: string }
	| { project: Exclude<ProjectRule, 'none'>; projectId: string | undefined };

export type FlowRequest = FlowRequestBase & ProjectScope;

export interface FlowResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, unknown>;
	body: T;
	projectId?: string;
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

export type RouteOffer = 'listed' | 'absent' | 'unknown';

/** Whether the server's document lists a route, leaves it out, or there is no document. */
export async function routeOffer(
	ctx: FlowContext,
	call: Pick<FlowRequest, 'service' | 'method' | 'path'>,
): Promise<RouteOffer> {
	const api = await flowServiceApi(ctx, call.service);
	if (!api.known) return 'unknown';
	return routeListed(api, call.method, call.path) ? 'listed' : 'absent';
}

/**
 * A route beyond the reference: fails before any request when the server's document leaves it
 * out (with an error that names `instead`); tried when there is no document.
 */
export async function requireRouteOffered(
	ctx: FlowContext,
	call: Pick<FlowRequest, 'service' | 'method' | 'path' | 'itemIndex'>,
	instead?: string,
): Promise<void> {
	if ((await routeOffer(ctx, call)) === 'absent')
		throw endpointNotOfferedError(ctx.getNode(), { ...call, itemIndex: call.itemIndex ?? 0 }, instead);
}

/**
 * Query parameters an option needs, on a route the server lists: fails before any request when
 * its document leaves one out (the server would ignore it and answer as if the option were not
 * set). Nothing is checked without a document, or when the route itself is not listed.
 */
export async function requireQueryParametersOffered(
	ctx: FlowContext,
	call: Pick<FlowRequest, 'service' | 'method' | 'path' | 'itemIndex'>,
	names: string[],
	instead?: string,
): Promise<void> {
	const api = await flowServiceApi(ctx, call.service);
	if (!routeListed(api, call.method, call.path)) return;
	const missing = names.find((name) => !queryParameterListed(api, call.method, call.path, name));
	if (missing)
		throw parameterNotOfferedError(ctx.getNode(), { ...call, itemIndex: call.itemIndex ?? 0 }, missing, instead);
}

/**
 * The body as JSON text. Handing axios an object would let it deep-merge the object into its
 * config, which drops keys such as `__proto__` and `constructor` (a run parameter may be called
 * that). An empty object stays as it is: n8n sends no body for it, as before.
 */
function jsonBody(body: IDataObject | IDataObject[], headers: IDataObject): IDataObject | IDataObject[] | string {
	if (Object.keys(body).length === 0) return body;
	const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
	if (!hasType) headers['Content-Type'] = 'application/json';
	return JSON.stringify(body);
}

/** How one attempt ended. */
type Exchange =
	| { kind: 'response'; statusCode: number; headers: Record<string, unknown>; body: unknown }
	| { kind: 'network'; code: string }
	| { kind: 'deadline' }
	| { kind: 'tooLarge' }
	| { kind: 'redirect'; status: number; refusal: RedirectRefusal };

interface Bounds {
	deadlineMs: number;
	maxBodyBytes: number;
	json: boolean;
	cancel?: AbortSignal;
}

/**
 * One attempt: the request, same-origin redirects (followed here, never by n8n: it would copy
 * the token to any host), and the body, read within the attempt's deadline and size bound.
 */
async function exchange(ctx: FlowContext, options: IHttpRequestOptions, bounds: Bounds): Promise<Exchange> {
	const deadline = AbortSignal.timeout(bounds.deadlineMs);
	const signals = bounds.cancel ? [deadline, bounds.cancel] : [deadline];
	const stopped = (): Exchange => (deadline.aborted ? { kind: 'deadline' } : { kind: 'network', code: 'ERR_CANCELED' });
	// n8n swaps `abortSignal` for the execution's cancel signal where there is one; elsewhere
	// (polls, list searches) the deadline aborts the socket itself.
	let hop: IHttpRequestOptions = { ...options, abortSignal: deadline };
	for (let hops = 0; ; hops++) {
		const pending = ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			hop,
		) as Promise<IN8nHttpFullResponse>;
		let headed: { done: true; value: IN8nHttpFullResponse } | { done: false };
		try {
			headed = await untilAborted(pending, signals);
		} catch (error) {
			return deadline.aborted
				? { kind: 'deadline' }
				: { kind: 'network', code: networkErrorCode(error) ?? 'ECONNRESET' };
		}
		if (!headed.done) {
			// Headers never came in time: close the connection if they still do.
			pending.then((late) => discardBody(late.body)).catch(() => undefined);
			return stopped();
		}
		const { statusCode, body } = headed.value;
		const headers = (headed.value.headers ?? {}) as Record<string, unknown>;
		if (isRedirect(statusCode)) {
			discardBody(body);
			const decision = decideRedirect(hop.url, statusCode, hop.method ?? 'GET', headers.location, hops);
			if (!decision.follow) return { kind: 'redirect', status: statusCode, refusal: decision.refusal };
			// The Location carries its own query string.
			hop = { ...hop, url: decision.url, method: decision.method, qs: {} };
			if (!decision.keepBody) delete hop.body;
			continue;
		}
		const read = await readBody(body, headers['content-length'], bounds.maxBodyBytes, signals);
		if ('tooLarge' in read) return { kind: 'tooLarge' };
		if ('stopped' in read) return stopped();
		if ('broken' in read) return { kind: 'network', code: networkErrorCode(read.broken) ?? 'ECONNRESET' };
		return { kind: 'response', statusCode, headers, body: parseBody(read.text, bounds.json) };
	}
}

/**
 * Every call to a Flow service goes through here: base URL, auth, X-Project-ID, JSON,
 * time and size bounds, redirects, retries and readable errors. Returns the full response.
 */
export async function flowRequestFull<T = unknown>(this: FlowContext, request: FlowRequest): Promise<FlowResponse<T>> {
	const itemIndex = request.itemIndex ?? 0;
	if (request.beyondReference)
		await requireRouteOffered(this, { ...request, itemIndex }, request.beyondReference.instead);
	const credentials = await getFlowCredentials(this);
	const base = request.root
		? serviceRootUrl(credentials, request.service)
		: serviceApiUrl(credentials, request.service);
	const unencrypted = unencryptedUrlProblem(base, credentials);
	if (unencrypted) {
		throw new NodeOperationError(this.getNode(), unencrypted, {
			itemIndex,
			description:
				"Use an https:// URL Template, or, only for a server on a network you trust, turn on 'Allow Unencrypted HTTP' in the iFlow API credential. Nothing was sent.",
		});
	}
	const projectId = await resolveProjectId(this, request.project ?? 'none', itemIndex, request.projectId);
	const secrets = [String(credentials.accessToken ?? '')];

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
		// The body is read by `exchange` (bounded); redirects are followed there (same origin only).
		encoding: 'stream',
		disableFollowRedirect: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (request.body !== undefined) options.body = jsonBody(request.body, headers);

	const policy = { ...DEFAULT_RETRY_POLICY, ...(request.retry ?? {}) };
	const call: FlowCallInfo = {
		service: request.service,
		method: request.method,
		path: request.path,
		itemIndex,
		projectId,
	};
	const signal = 'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal?.() : undefined;
	const bounds: Bounds = {
		deadlineMs: request.deadline ?? DEFAULT_DEADLINE_MS,
		maxBodyBytes: request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
		json: request.json ?? true,
		cancel: signal,
	};
	const repeatable = isIdempotent(request.method, request.idempotent);
	// A request that may have changed something and got no clear answer: its effect is unknown.
	const unsure = <E extends NodeApiError>(error: E): E => (repeatable ? error : markOutcomeUnknown(error));
	call.outcomes = [];
	call.waitedMs = 0;
	/** Wait before the next attempt if the time budget allows it; false when it does not. */
	const waitToRetry = async (attempt: number, retryAfter: number | undefined): Promise<boolean> => {
		if (attempt >= policy.maxAttempts || signal?.aborted) return false;
		const delay = retryDelayMs(attempt, retryAfter, policy);
		if ((call.waitedMs ?? 0) + delay > policy.maxTotalWaitMs) return false;
		call.waitedMs = (call.waitedMs ?? 0) + delay;
		await sleep(delay);
		return true;
	};

	for (let attempt = 1; ; attempt++) {
		call.attempts = attempt;
		const result = await exchange(this, options, bounds);
		if (result.kind === 'deadline') {
			call.outcomes.push('no answer in time');
			throw unsure(flowDeadlineError(this.getNode(), bounds.deadlineMs, call, secrets));
		}
		if (result.kind === 'tooLarge') throw flowTooLargeError(this.getNode(), bounds.maxBodyBytes, call, secrets);
		if (result.kind === 'redirect') {
			throw flowRedirectError(this.getNode(), result.status, result.refusal, call, secrets);
		}
		if (result.kind === 'network') {
			call.outcomes.push(result.code);
			const retryable = isNetworkError(result.code) && repeatable;
			if (retryable && (await waitToRetry(attempt, undefined))) continue;
			const error = flowNetworkError(this.getNode(), result.code, call, retryable, secrets);
			throw result.code === 'ERR_CANCELED' ? error : unsure(error);
		}

		const status = result.statusCode;
		if (status < 400) return { statusCode: status, headers: result.headers, body: result.body as T, projectId };
		call.outcomes.push(String(status));

		if (isRetryableStatus(status, request.method, request.idempotent)) {
			const retryAfter = parseRetryAfter(result.headers['retry-after']);
			if (await waitToRetry(attempt, retryAfter)) continue;
		}
		if (status === 404 && !request.root && looksLikeRoute404(result.body)) {
			const api = await flowServiceApi(this, request.service);
			if (isRouteMissing(api, request.method, request.path))
				throw endpointMissingError(this.getNode(), call, request.beyondReference?.instead ?? request.instead);
		}
		const error = flowHttpError(this.getNode(), status, result.body, call, secrets);
		throw status === 502 || status === 504 ? unsure(error) : error;
	}
}

/** A Flow call that returns the response body (`undefined` for 204). */
export async function flowRequest<T = unknown>(this: FlowContext, request: FlowRequest): Promise<T> {
	const response = await flowRequestFull.call<FlowContext, [FlowRequest], Promise<FlowResponse<T>>>(this, request);
	return (response.statusCode === 204 || (response.body as unknown) === '' ? undefined : response.body) as T;
}

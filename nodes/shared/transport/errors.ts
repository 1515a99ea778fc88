import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import type { RedirectRefusal } from './redirect';

import { redactError } from './redact';
import { summarizeOutcomes } from './retry';

export interface FlowCallInfo {
	service: string;
	method: string;
	path: string;
	itemIndex?: number;
	projectId?: string;
	attempts?: number;
	/** What each attempt met: a status ("429") or a network code ("ECONNRESET"). */
	outcomes?: string[];
	/** Time spent waiting between the attempts. */
	waitedMs?: number;
}

/** "after 6 attempts over 41 s (429 ×4, 503, 429)": what a call that was retried went through. */
export function attemptsText(call: FlowCallInfo): string {
	const attempts = call.attempts ?? 1;
	if (attempts <= 1) return 'after 1 attempt';
	const waited = call.waitedMs ? ` over ${Math.max(1, Math.round(call.waitedMs / 1000))} s` : '';
	const met = call.outcomes?.length ? ` (${summarizeOutcomes(call.outcomes)})` : '';
	return `after ${attempts} attempts${waited}${met}`;
}

interface ValidationIssue {
	loc?: unknown[];
	msg?: string;
	type?: string;
}

const LOCATION_WORDS: Record<string, string> = { query: 'query parameter', path: 'path parameter', header: 'header' };

/** One line per FastAPI validation issue: "priority: Input should be 'low', 'medium' or 'high'". */
export function formatValidationIssues(issues: ValidationIssue[]): string {
	return issues
		.map((issue) => {
			const loc = Array.isArray(issue.loc) ? issue.loc.map(String) : [];
			const [where, ...rest] = loc;
			const field = rest.length ? rest.join('.') : where;
			const prefix = where && LOCATION_WORDS[where] ? `${LOCATION_WORDS[where]} ` : '';
			return `${prefix}${field ?? 'request'}: ${issue.msg ?? issue.type ?? 'invalid'}`;
		})
		.join('\n');
}

/** The human part of a Flow error body: `detail` (string or 422 list), `message`, or the text. */
export function extractDetail(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') {
		const text = body.trim();
		if (text.startsWith('{')) {
			try {
				return extractDetail(JSON.parse(text));
			} catch {
				/* not JSON: use the text */
			}
		}
		return /^\s*</.test(text) ? undefined : text.slice(0, 500);
	}
	if (typeof body === 'object') {
		const record = body as Record<string, unknown>;
		if (Array.isArray(record.detail)) return formatValidationIssues(record.detail as ValidationIssue[]).slice(0, 2000);
		for (const key of ['detail', 'message', 'error']) {
			if (typeof record[key] === 'string') return (record[key] as string).slice(0, 1000);
		}
	}
	return undefined;
}

/** "GET miner /orders/1": the call, for descriptions. */
const describeCall = (call: FlowCallInfo) => `${call.method} ${call.service} ${call.path}`;

function explain(
	status: number,
	detail: string | undefined,
	call: FlowCallInfo,
): { message: string; description: string } {
	const where = describeCall(call);
	const project = call.projectId ? ` (project ${call.projectId})` : '';
	switch (status) {
		case 400:
			return {
				message: `iFlow rejected the request: ${detail ?? 'bad request'}`,
				description: `${where} answered 400. Project-scoped services need a project: check the node's Project field or the credential's Default Project ID.`,
			};
		case 401:
			return {
				message: 'iFlow did not accept the access token (401)',
				description:
					'The Personal Access Token in the iFlow API credential is missing, invalid or expired. Create a new one in the Admin Console under Account › CLI Tokens.',
			};
		case 403:
			return {
				message: `Permission denied: ${detail ?? 'your role does not allow this'}`,
				description: `Your token's role${project} does not allow ${where}. Viewers are read-only; cancelling orders, deleting and signing reports need project admin; moving an order needs the assignee of its current stage.`,
			};
		case 404:
			return {
				message: `Not found: ${detail ?? 'the resource does not exist'}`,
				description: `${where} found nothing. The id may be wrong, deleted, or belong to another project${project}.`,
			};
		case 409:
			return {
				message: `Conflict: ${detail ?? 'the request conflicts with the current state'}`,
				description: `${where} conflicts with the current state in iFlow (a duplicate display ID, an order status that does not allow this move, or something still in use).`,
			};
		case 422:
			return {
				message: `iFlow rejected the input:\n${detail ?? 'validation failed'}`,
				description: `${where} failed validation. Each line names the field and the problem.`,
			};
		case 429:
			return {
				message: 'iFlow is rate limiting requests (429)',
				description: `${where} was still rate limited ${attemptsText(call)}. Slow the workflow down or try later.`,
			};
		default:
			if (status >= 500)
				return {
					message: `iFlow ${call.service} service failed (HTTP ${status})${detail ? `: ${detail}` : ''}`,
					description: `${where} failed ${attemptsText(call)}. The service may be temporarily unavailable; try again later.`,
				};
			return {
				message: `iFlow answered HTTP ${status}${detail ? `: ${detail}` : ''}`,
				description: `${where} failed.`,
			};
	}
}

/** A readable NodeApiError for a Flow error response. Nothing from the request headers is kept. */
export function flowHttpError(
	node: INode,
	status: number,
	body: unknown,
	call: FlowCallInfo,
	secrets: string[] = [],
): NodeApiError {
	const detail = extractDetail(body);
	const { message, description } = explain(status, detail, call);
	const response: JsonObject = {
		status,
		detail: typeof body === 'object' && body !== null ? ((body as JsonObject).detail ?? null) : (detail ?? null),
	};
	return apiError(node, response, message, description, secrets, call.itemIndex, String(status));
}

/**
 * A NodeApiError whose every part is scrubbed: n8n saves the whole error object (message,
 * description, the raw response, context) with a failed execution.
 */
function apiError(
	node: INode,
	response: JsonObject,
	message: string,
	description: string,
	secrets: string[],
	itemIndex?: number,
	httpCode?: string,
): NodeApiError {
	const error = new NodeApiError(node, response, { message, description, httpCode, itemIndex });
	// n8n may derive a message of its own from the response; ours says more.
	error.message = message;
	error.description = description;
	return redactError(error, secrets);
}

/** A readable NodeApiError for a request that never got an HTTP answer. */
export function flowNetworkError(
	node: INode,
	code: string,
	call: FlowCallInfo,
	retried: boolean,
	secrets: string[] = [],
): NodeApiError {
	const where = describeCall(call);
	const message = `Could not reach iFlow ${call.service} (${code})`;
	const description = retried
		? `${where} failed ${attemptsText(call)}. Check the credential's environment or URL template and the network.`
		: `The connection broke during ${where}. The request may or may not have been processed, so it was not repeated automatically (repeating it could create a duplicate). Check in iFlow whether it took effect before running it again.`;
	return apiError(node, { code, message }, message, description, secrets, call.itemIndex);
}

/** A redirect the transport did not follow: another origin, a downgrade to http, or a loop. */
export function flowRedirectError(
	node: INode,
	status: number,
	refusal: RedirectRefusal,
	call: FlowCallInfo,
	secrets: string[] = [],
): NodeApiError {
	const target = refusal.origin ?? 'an unreadable address';
	const messages: Record<RedirectRefusal['reason'], string> = {
		'cross-origin': `iFlow redirected the request to another address (${target}); it was not followed and the access token was not sent there`,
		downgrade: `iFlow redirected the request to unencrypted ${target}; it was not followed and the access token was not sent there`,
		'too-many': `iFlow answered with too many redirects (more than ${refusal.maxHops}); the request was stopped`,
		invalid: `iFlow answered HTTP ${status} with a redirect to ${target}; it was not followed and the access token was not sent there`,
	};
	const description =
		refusal.reason === 'too-many'
			? `${describeCall(call)} kept being redirected on the same server. Check the credential's environment or URL Template.`
			: `${describeCall(call)} answered ${status}. The nodes send the Personal Access Token only to the service address of the credential and follow a redirect only on that same address (scheme, host and port). If iFlow really moved, update the credential's environment or URL Template.`;
	return apiError(
		node,
		{ status, reason: refusal.reason },
		messages[refusal.reason],
		description,
		secrets,
		call.itemIndex,
		String(status),
	);
}

/** The call took longer than its total time bound. */
export function flowDeadlineError(
	node: INode,
	deadlineMs: number,
	call: FlowCallInfo,
	secrets: string[] = [],
): NodeApiError {
	const seconds = `${Math.round(deadlineMs / 100) / 10} s`;
	return apiError(
		node,
		{ code: 'DEADLINE_EXCEEDED' },
		`iFlow ${call.service} did not answer within ${seconds}`,
		`${describeCall(call)} was stopped after ${seconds} in total (headers and body). The server answered too slowly or sent its answer bit by bit; it was not repeated automatically. Try again later.`,
		secrets,
		call.itemIndex,
	);
}

/** The answer was larger than the transport accepts for one JSON call. */
export function flowTooLargeError(
	node: INode,
	maxBytes: number,
	call: FlowCallInfo,
	secrets: string[] = [],
): NodeApiError {
	const size =
		maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MiB` : `${Math.round(maxBytes / 1024)} KiB`;
	return apiError(
		node,
		{ code: 'RESPONSE_TOO_LARGE' },
		`iFlow ${call.service}'s answer is larger than ${size}; it was not read`,
		`${describeCall(call)} answered with more than ${size}, more than any iFlow API answer should be. Ask for smaller pages (a lower Limit) or narrow the request.`,
		secrets,
		call.itemIndex,
	);
}

const OUTCOME_UNKNOWN = 'outcomeUnknown';

/**
 * Marks the error of a request that changes something (a create) when it may or may not have
 * taken effect: the connection broke after it was sent, 502/504, or no answer in time. A create
 * with a natural key then looks the key up instead of giving up (see reconcile.ts).
 */
export function markOutcomeUnknown<E extends NodeApiError>(error: E): E {
	error.context = { ...(error.context ?? {}), [OUTCOME_UNKNOWN]: true };
	return error;
}

/** Was this error raised when a request's effect is unknown (see `markOutcomeUnknown`)? */
export function isOutcomeUnknown(error: unknown): boolean {
	return error instanceof NodeApiError && error.context?.[OUTCOME_UNKNOWN] === true;
}

/** Whether a Flow call failed with 404 Not Found (the record or path is not there). */
export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

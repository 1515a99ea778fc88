import type { IHttpRequestMethods } from 'n8n-workflow';

/** Status codes that mean "try again later"; 429 and 503 also mean "not processed". */
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const NOT_PROCESSED_STATUS = new Set([429, 503]);
const IDEMPOTENT_METHODS = new Set(['GET', 'PUT', 'DELETE', 'HEAD']);
const NETWORK_ERROR_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

/**
 * The retry budget of one call is time: its retries may wait up to `maxTotalWaitMs` in all
 * (Retry-After included). `maxAttempts` is only a safety cap for servers that ask to retry at
 * once (`Retry-After: 0`) again and again.
 */
export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Total time the retries of one call may wait. */
	maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 30,
	baseDelayMs: 300,
	maxDelayMs: 15_000,
	maxTotalWaitMs: 60_000,
};

export function isIdempotent(method: IHttpRequestMethods, idempotent?: boolean): boolean {
	return idempotent ?? IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Whether a failed attempt may be repeated. A request that creates something (POST) is
 * repeated only when the server says it did not process it (429, 503): a duplicate sample or
 * run is data corruption for a clinical lab.
 */
export function isRetryableStatus(status: number, method: IHttpRequestMethods, idempotent?: boolean): boolean {
	if (!RETRYABLE_STATUS.has(status)) return false;
	return isIdempotent(method, idempotent) || NOT_PROCESSED_STATUS.has(status);
}

export function isNetworkError(code: string | undefined): boolean {
	return code !== undefined && NETWORK_ERROR_CODES.has(code);
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(Array.isArray(value) ? value[0] : value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Exponential backoff with jitter (50–100 % of the step), or the server's Retry-After. */
export function retryDelayMs(
	attempt: number,
	retryAfterMs: number | undefined,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	random: () => number = Math.random,
): number {
	if (retryAfterMs !== undefined) return retryAfterMs;
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(step * (0.5 + random() / 2));
}

/**
 * What the attempts of a call met, for an error message: "429 ×3, 503, ECONNRESET". Repeats in a
 * row are counted, so thirty answers stay one short line.
 */
export function summarizeOutcomes(outcomes: readonly string[]): string {
	const runs: Array<{ outcome: string; count: number }> = [];
	for (const outcome of outcomes) {
		const last = runs[runs.length - 1];
		if (last?.outcome === outcome) last.count++;
		else runs.push({ outcome, count: 1 });
	}
	return runs.map(({ outcome, count }) => (count > 1 ? `${outcome} ×${count}` : outcome)).join(', ');
}

/**
 * The network error code of a failed request (`ECONNRESET`, `ETIMEDOUT`, …): the error's own
 * `code`, else its cause's (two levels), else read from the message; undefined when none fits.
 */
export function networkErrorCode(error: unknown): string | undefined {
	const cause = (error as { cause?: unknown })?.cause;
	for (const candidate of [error, cause, (cause as { cause?: unknown })?.cause]) {
		const code = (candidate as { code?: unknown })?.code;
		if (typeof code === 'string' && code) return code;
	}
	const text = String((error as Error)?.message ?? '');
	if (/timeout/i.test(text)) return 'ETIMEDOUT';
	if (/aborted|socket hang up/i.test(text)) return 'ECONNRESET';
	return undefined;
}

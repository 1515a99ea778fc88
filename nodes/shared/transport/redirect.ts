import type { IHttpRequestMethods } from 'n8n-workflow';

/**
 * Redirects of Flow API calls. n8n's HTTP stack copies the Authorization header onto every
 * hop, even to another host or from https to http, so API calls never let it follow a
 * redirect (`disableFollowRedirect`). We follow one ourselves only on the very origin the
 * credential points at (same scheme, host and port), a few hops at most.
 */
export const MAX_REDIRECTS = 3;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface RedirectRefusal {
	reason: 'cross-origin' | 'downgrade' | 'too-many' | 'invalid';
	/** Where the redirect pointed: scheme, host and port only (never a path or query). */
	origin?: string;
	maxHops?: number;
}

export type RedirectDecision =
	| { follow: true; url: string; method: IHttpRequestMethods; keepBody: boolean }
	| { follow: false; refusal: RedirectRefusal };

export function isRedirect(status: number): boolean {
	return REDIRECT_STATUSES.has(status);
}

function parse(url: string, base?: string): URL | undefined {
	try {
		return new URL(url, base);
	} catch {
		return undefined;
	}
}

/**
 * What to do with a redirect answer to `from`: follow it (same origin, fewer than
 * `maxHops` already followed) or refuse it, naming only the target's origin.
 */
export function decideRedirect(
	from: string,
	status: number,
	method: IHttpRequestMethods,
	location: unknown,
	hopsSoFar: number,
	maxHops = MAX_REDIRECTS,
): RedirectDecision {
	const current = parse(from);
	const text = Array.isArray(location) ? location[0] : location;
	const target = typeof text === 'string' && text.trim() && current ? parse(text.trim(), current.href) : undefined;
	if (!current || !target || !['http:', 'https:'].includes(target.protocol)) {
		return {
			follow: false,
			refusal: { reason: 'invalid', origin: target?.protocol ? `${target.protocol}//…` : undefined },
		};
	}
	if (current.protocol === 'https:' && target.protocol === 'http:') {
		return { follow: false, refusal: { reason: 'downgrade', origin: target.origin } };
	}
	if (target.origin !== current.origin)
		return { follow: false, refusal: { reason: 'cross-origin', origin: target.origin } };
	if (hopsSoFar >= maxHops) return { follow: false, refusal: { reason: 'too-many', origin: target.origin, maxHops } };
	// As browsers do: 303 always, and 301/302 after a POST, continue as a GET without the body.
	const toGet = method !== 'HEAD' && (status === 303 || ((status === 301 || status === 302) && method === 'POST'));
	return { follow: true, url: target.href, method: toGet ? 'GET' : method, keepBody: !toGet };
}

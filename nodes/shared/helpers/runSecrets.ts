import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/**
 * A run's `callback_url` is often n8n's resume URL, whose `?signature=` lets anyone who holds it
 * resume the waiting execution with a body of their choosing (forged run results). Outputs are
 * readable by every project member, including read-only viewers, so the query string (and any
 * user:password) never leaves the node; scheme, host and path stay, to show where the callback goes.
 */
const REDACTED = '<redacted>';
const URL_PARTS = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*@)?([^?#]*)(\?[^#]*)?(#.*)?$/i;

/** `https://n8n/webhook-waiting/123?signature=abc` → `https://n8n/webhook-waiting/123?signature=<redacted>`. */
export function redactCallbackUrl(url: string): string {
	const parts = URL_PARTS.exec(url.trim());
	if (!parts) return url.includes('?') || url.includes('@') ? REDACTED : url;
	const [, scheme, userInfo, rest, query, fragment] = parts;
	let result = `${scheme}${userInfo ? `${REDACTED}@` : ''}${rest}`;
	if (query) {
		const names = query
			.slice(1)
			.split('&')
			.filter(Boolean)
			.map((pair) => (pair.includes('=') ? `${pair.split('=')[0]}=${REDACTED}` : REDACTED));
		result += `?${names.join('&')}`;
	}
	if (fragment) result += `#${REDACTED}`;
	return result;
}

const CALLBACK_KEYS = new Set(['callback_url', 'callbackUrl']);
const MAX_DEPTH = 20;

/** A copy of `value` with every `callback_url` redacted, at any depth; unchanged parts are shared. */
function redactValue(value: unknown, depth: number): unknown {
	if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return value;
	if (Array.isArray(value)) {
		let changed = false;
		const list = value.map((entry) => {
			const next = redactValue(entry, depth + 1);
			changed ||= next !== entry;
			return next;
		});
		return changed ? list : value;
	}
	let copy: IDataObject | undefined;
	for (const [key, entry] of Object.entries(value as IDataObject)) {
		const next =
			CALLBACK_KEYS.has(key) && typeof entry === 'string' ? redactCallbackUrl(entry) : redactValue(entry, depth + 1);
		if (next !== entry) {
			copy ??= { ...(value as IDataObject) };
			copy[key] = next as IDataObject[string];
		}
	}
	return copy ?? value;
}

/** A run (or a list of runs, or any response that embeds runs) without readable callback secrets. */
export function redactRunSecrets<T>(value: T): T {
	return redactValue(value, 0) as T;
}

/** Output items with every run's callback secret redacted (items without one are returned as is). */
export function redactRunSecretsInItems(items: INodeExecutionData[]): INodeExecutionData[] {
	return items.map((item) => {
		const json = redactRunSecrets(item.json);
		return json === item.json ? item : { ...item, json };
	});
}

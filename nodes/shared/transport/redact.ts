/**
 * Secrets must never reach an output, an error or a log: the bearer token, and the query
 * string of any URL (signed URLs carry their signature there).
 */
const URL_WITH_QUERY = /(https?:\/\/[^\s?#"'<>]+)\?[^\s#"'<>]*/g;

export function redactUrl(url: string): string {
	return url.replace(URL_WITH_QUERY, '$1?…');
}

export function redactText(text: string, secrets: Array<string | undefined> = []): string {
	let result = redactUrl(text);
	for (const secret of secrets) {
		if (secret && secret.length >= 4) result = result.split(secret).join('***');
	}
	return result.replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer ***');
}

/**
 * A copy of a JSON-like value with every string (keys too) redacted. Errors become
 * `{ name, message }`; cycles and values that are not data (functions, streams) are dropped.
 */
export function redactValue(
	value: unknown,
	secrets: Array<string | undefined> = [],
	seen = new WeakSet<object>(),
): unknown {
	if (typeof value === 'string') return redactText(value, secrets);
	if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
	if (seen.has(value)) return undefined;
	seen.add(value);
	if (value instanceof Error) return { name: value.name, message: redactText(value.message, secrets) };
	if (Array.isArray(value)) return value.map((entry) => redactValue(entry, secrets, seen));
	const prototype = Object.getPrototypeOf(value) as unknown;
	if (prototype !== Object.prototype && prototype !== null) return undefined;
	const copy: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) {
		Object.defineProperty(copy, redactText(key, secrets), {
			value: redactValue(entry, secrets, seen),
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return copy;
}

/**
 * Scrub, in place, everything an n8n error keeps and n8n saves with a failed execution:
 * message, description, messages, stack, the raw error response (`errorResponse`, e.g. the
 * server's `detail`), `context` and `cause`. The node itself is left alone.
 */
export function redactError<E extends Error>(error: E, secrets: Array<string | undefined> = []): E {
	const record = error as unknown as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		if (key === 'node') continue;
		record[key] = redactValue(record[key], secrets);
	}
	error.message = redactText(error.message, secrets);
	if (typeof error.stack === 'string') error.stack = redactText(error.stack, secrets);
	if ('cause' in error && error.cause !== undefined) {
		Object.defineProperty(error, 'cause', {
			value: redactValue(error.cause, secrets),
			enumerable: Object.prototype.propertyIsEnumerable.call(error, 'cause'),
			writable: true,
			configurable: true,
		});
	}
	return error;
}

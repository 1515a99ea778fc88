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

/**
 * Checks for text that becomes part of a request path or a bucket path, often taken from
 * upstream items (a webhook body, an uploaded file's name), so untrusted. URL parsers, proxies
 * and servers decode percent-escapes (some more than once) and then resolve `.`/`..`, so every
 * rule runs on the raw text and on each decoded form: `%2e%2E` is a `..`, `%2F` is a `/`.
 */
const hasControlCharacter = (text: string) =>
	[...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

/** The text and what it decodes to, step by step (stops at a malformed escape such as "100%"). */
function decodedForms(text: string): string[] {
	const forms = [text];
	let current = text;
	for (let step = 0; step < 3; step++) {
		let next: string;
		try {
			next = decodeURIComponent(current);
		} catch {
			break;
		}
		if (next === current) break;
		forms.push(next);
		current = next;
	}
	return forms;
}

const isDotSegment = (text: string) => text.trim() === '.' || text.trim() === '..';

/**
 * Why `text` cannot be one segment of a path (a path parameter value, a file name), or
 * undefined. Refused: control characters, `/` and `\` (raw or encoded: they would split the
 * segment), and `.`/`..` in any spelling (they would move the request elsewhere).
 */
export function segmentProblem(text: string): string | undefined {
	const forms = decodedForms(text);
	if (forms.some(hasControlCharacter)) return 'contains control characters';
	if (forms.some((form) => /[/\\]/.test(form))) return 'contains "/" or "\\" (raw or percent-encoded)';
	if (forms.some(isDotSegment)) return 'is a "." or ".." path segment (raw or percent-encoded)';
	return undefined;
}

/** A path parameter value: one safe segment, and no `?` or `#` that could start a query or fragment. */
export function pathValueProblem(text: string): string | undefined {
	const problem = segmentProblem(text);
	if (problem) return problem;
	if (decodedForms(text).some((form) => /[?#]/.test(form))) return 'contains "?" or "#"';
	return undefined;
}

/**
 * Why a final request path (placeholders filled, e.g. `/orders/1/samples/2`) could leave the
 * endpoint it names, or undefined. Each segment must pass `pathValueProblem`; `//` is refused
 * (some stacks read it as a host). With no dot segment left, no normaliser can move the path,
 * which the last check states explicitly: the resolved path keeps every segment.
 */
export function requestPathProblem(path: string): string | undefined {
	if (!path.startsWith('/')) return 'must start with "/"';
	const segments = path.slice(1).split('/');
	for (const [index, segment] of segments.entries()) {
		if (segment === '') {
			if (index === segments.length - 1) continue;
			return 'must not contain empty segments ("//")';
		}
		const problem = pathValueProblem(segment);
		if (problem) return `segment "${segment}" ${problem}`;
	}
	if (resolvedDepth(segments) !== segments.length) return 'must stay under the service API root';
	return undefined;
}

/** How many segments remain after resolving `.` and `..` the way a URL parser does. */
function resolvedDepth(segments: string[]): number {
	let depth = 0;
	for (const segment of segments) {
		const decoded = decodedForms(segment).pop() as string;
		if (decoded === '..') depth = Math.max(0, depth - 1);
		else if (decoded !== '.') depth++;
	}
	return depth;
}

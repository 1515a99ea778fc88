/**
 * Time and size bounds of one Flow API call. n8n's HTTP stack (axios) applies `timeout` only to
 * an idle socket and always reads a body whole (`maxContentLength` is fixed to Infinity on both
 * engine lines), so API calls ask for the body as a stream and read it here, counting bytes and
 * watching the clock.
 *
 * Defaults, and why:
 * - 60 s in total per attempt (headers, body and same-origin redirects). Flow answers in well
 *   under a second; the idle timeout (30 s) already fails anything slower between two bytes, so
 *   60 s only cuts answers that keep trickling. Retries of a GET add at most 60 s of waiting.
 * - 32 MiB per JSON answer. The largest legitimate answers are list pages (at most 1000 entries
 *   of well under 1 KiB, so about 1 MiB); 32 MiB leaves 30x headroom, and parsing that much
 *   needs roughly 150 MiB of heap at the peak, which n8n's default heap absorbs.
 * Both can be changed per call (`FlowRequest.deadline`, `FlowRequest.maxBodyBytes`).
 */
export const DEFAULT_DEADLINE_MS = 60_000;
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

type Stream = AsyncIterable<Uint8Array | string> & { destroy?: (error?: Error) => void };

export type BodyRead = { text: string } | { tooLarge: true } | { stopped: true } | { broken: unknown };

function isStream(body: unknown): body is Stream {
	return typeof (body as Stream | undefined)?.[Symbol.asyncIterator] === 'function';
}

/** Calls `listener` once any of `signals` aborts; returns the function that stops listening. */
export function onAbort(signals: AbortSignal[], listener: () => void): () => void {
	for (const signal of signals) signal.addEventListener('abort', listener, { once: true });
	return () => {
		for (const signal of signals) signal.removeEventListener('abort', listener);
	};
}

/** `work`'s value, or `{ done: false }` as soon as any signal aborts (work keeps its own course). */
export async function untilAborted<T>(
	work: Promise<T>,
	signals: AbortSignal[],
): Promise<{ done: true; value: T } | { done: false }> {
	if (signals.some((signal) => signal.aborted)) return { done: false };
	let stopListening = () => {};
	const stopped = new Promise<{ done: false }>((resolve) => {
		stopListening = onAbort(signals, () => resolve({ done: false }));
	});
	try {
		return await Promise.race([work.then((value) => ({ done: true as const, value })), stopped]);
	} finally {
		stopListening();
	}
}

/** Drop a body nobody will read, so its connection closes instead of trickling on. */
export function discardBody(body: unknown): void {
	if (isStream(body)) body.destroy?.();
}

/**
 * The body as text, at most `maxBytes` (a larger `content-length` is refused before reading),
 * stopped when any signal aborts. A stream that is not consumed to the end is destroyed.
 */
export async function readBody(
	body: unknown,
	contentLength: unknown,
	maxBytes: number,
	signals: AbortSignal[],
): Promise<BodyRead> {
	if (body === undefined || body === null) return { text: '' };
	if (typeof body === 'string') return body.length > maxBytes ? { tooLarge: true } : { text: body };
	if (body instanceof Uint8Array) {
		return body.byteLength > maxBytes ? { tooLarge: true } : { text: new TextDecoder().decode(body) };
	}
	if (!isStream(body)) return { text: JSON.stringify(body) };
	if (Number(contentLength) > maxBytes) {
		body.destroy?.();
		return { tooLarge: true };
	}
	let stopped = false;
	const stopListening = onAbort(signals, () => {
		stopped = true;
		body.destroy?.();
	});
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		if (signals.some((signal) => signal.aborted)) {
			body.destroy?.();
			return { stopped: true };
		}
		for await (const chunk of body) {
			const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
			size += bytes.byteLength;
			if (size > maxBytes) {
				body.destroy?.();
				return { tooLarge: true };
			}
			chunks.push(bytes);
		}
	} catch (error) {
		return stopped ? { stopped: true } : { broken: error };
	} finally {
		stopListening();
	}
	if (stopped) return { stopped: true };
	const whole = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		whole.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return { text: new TextDecoder().decode(whole) };
}

/** A body as the old JSON mode gave it: parsed when it is JSON, else the text ('' when empty). */
export function parseBody(text: string, json: boolean): unknown {
	if (!json || text.trim() === '') return text;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

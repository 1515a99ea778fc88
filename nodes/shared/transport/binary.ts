import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';

import { extractDetail } from './errors';
import { discardBody, onAbort } from './limits';
import { redactError, redactText, redactUrl } from './redact';
import { DEFAULT_RETRY_POLICY, networkErrorCode, parseRetryAfter, retryDelayMs, summarizeOutcomes } from './retry';

/**
 * Transfers through signed URLs. They carry their own authorisation (the signature in the
 * query string), so they go through plain `httpRequest` and must never be logged or shown:
 * every message built here passes through `redactText` with the URL's query values as secrets.
 * Nothing here reads credentials (n8n lint: such a function must not call plain httpRequest).
 * A transfer has no total deadline (files can be large) but stops when the execution is
 * cancelled: n8n's plain `httpRequest` does not pass the cancel signal on by itself.
 * A transfer that fails on 429, 5xx or a broken connection is tried again with the API calls'
 * backoff and time budget (Retry-After honoured): a download starts over (n8n keeps nothing
 * of a broken one), an upload is sent again when its body can be read again (a signed PUT of
 * the same object is idempotent).
 */

/** Socket idle timeout (n8n's HTTP stack applies `timeout` per socket inactivity, not per transfer). */
export const TRANSFER_TIMEOUT_MS = 10 * 60_000;

export interface SignedTransfer {
	url: string;
	/** Bucket-relative path, for messages. */
	path: string;
	itemIndex: number;
}

export interface SignedUpload extends SignedTransfer {
	/** A readable stream (from `getBinaryStream`) or a Buffer. */
	body: unknown;
	/** A fresh copy of a stream body, for sending again; without it a stream is sent once. */
	reopen?: () => Promise<unknown>;
	size: number;
	contentType: string;
	/** Extra headers the signature requires. */
	headers?: IDataObject;
}

export interface DownloadedFile {
	binary: IBinaryData;
	size: number;
	contentType: string;
}

/** Query-string values of a signed URL: the signature and friends, to be scrubbed from messages. */
function urlSecrets(url: string): string[] {
	const query = url.split('?')[1] ?? '';
	return query
		.split('&')
		.map((pair) => {
			const value = pair.slice(pair.indexOf('=') + 1);
			try {
				return decodeURIComponent(value);
			} catch {
				return value;
			}
		})
		.filter((value) => value.length >= 16);
}

const errorCode = (error: unknown): string => networkErrorCode(error) ?? 'ERROR';

/** What a failed attempt met, when trying again may help: "503", "ECONNRESET", … */
interface RetryHint {
	outcome: string;
	retryAfterMs?: number;
}

const RETRY_HINT = 'transferRetry';
const RETRYABLE_STATUS = (status: number) => status === 429 || status >= 500;

function storageError(
	ctx: IExecuteFunctions,
	transfer: SignedTransfer,
	message: string,
	description: string,
	response: JsonObject,
	httpCode?: number,
	retry?: RetryHint,
): NodeApiError {
	const secrets = urlSecrets(transfer.url);
	const error = new NodeApiError(ctx.getNode(), response, {
		message,
		description,
		httpCode: httpCode === undefined ? undefined : String(httpCode),
		itemIndex: transfer.itemIndex,
	});
	error.message = message;
	error.description = description;
	if (retry) error.context = { ...(error.context ?? {}), [RETRY_HINT]: retry as unknown as JsonObject };
	return redactError(error, secrets);
}

function retryHint(error: unknown): RetryHint | undefined {
	return error instanceof NodeApiError ? (error.context?.[RETRY_HINT] as RetryHint | undefined) : undefined;
}

/**
 * Run one transfer attempt after another while they fail in a way worth another try, within the
 * API calls' time budget. The final error says what each attempt met.
 */
async function withRetries<T>(
	ctx: IExecuteFunctions,
	attemptOnce: (attempt: number) => Promise<T>,
	canRepeat: () => boolean = () => true,
): Promise<T> {
	const policy = DEFAULT_RETRY_POLICY;
	const outcomes: string[] = [];
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		const result = await attemptOnce(attempt).then(
			(value) => ({ ok: true as const, value }),
			(error: unknown) => ({ ok: false as const, error }),
		);
		if (result.ok) return result.value;
		const hint = retryHint(result.error);
		if (hint) outcomes.push(hint.outcome);
		const delay = hint ? retryDelayMs(attempt, hint.retryAfterMs, policy) : 0;
		const again =
			hint !== undefined &&
			canRepeat() &&
			attempt < policy.maxAttempts &&
			waited + delay <= policy.maxTotalWaitMs &&
			!cancelSignal(ctx)?.aborted;
		if (!again) {
			if (attempt > 1 && result.error instanceof NodeApiError) {
				const seconds = Math.max(1, Math.round(waited / 1000));
				result.error.description = `${result.error.description ?? ''} Tried ${attempt} times over ${seconds} s (${summarizeOutcomes(outcomes)}).`;
			}
			throw result.error as Error;
		}
		waited += delay;
		await sleep(delay);
	}
}

/** The execution's cancel signal, where the context has one. */
function cancelSignal(ctx: IExecuteFunctions): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal?.() : undefined;
}

function cancelledError(ctx: IExecuteFunctions, transfer: SignedTransfer, method: string): NodeApiError {
	const verb = method === 'PUT' ? 'upload of' : 'download of';
	return storageError(
		ctx,
		transfer,
		`The ${verb} ${transfer.path} was stopped: the execution was cancelled`,
		'The connection to storage was closed; the node passes no partial file on. Run it again to transfer the file.',
		{ code: 'CANCELLED', message: 'cancelled' },
	);
}

/** The error for a storage answer other than 2xx. */
function statusError(
	ctx: IExecuteFunctions,
	transfer: SignedTransfer,
	method: string,
	status: number,
	body: unknown,
	retryAfter?: unknown,
): NodeApiError {
	const detail = redactText(extractDetail(body) ?? '', urlSecrets(transfer.url)) || undefined;
	const verb = method === 'PUT' ? 'upload of' : 'download of';
	let message = `Storage refused the ${verb} ${transfer.path} (HTTP ${status})${detail ? `: ${detail}` : ''}`;
	let description = `The ${method} to the signed storage URL of ${transfer.path} failed.`;
	if (status === 403 && /expired/i.test(detail ?? '')) {
		message = `The signed link for ${transfer.path} has expired`;
		description =
			'Signed links are valid for a limited time (downloads about an hour, uploads about 15 minutes). Get a new link and use it right away.';
	} else if (status === 403) {
		description =
			'The storage did not accept the signed URL: it was altered, used with another method, or (uploads) sent with another Content-Type than the one it was signed for.';
	} else if (status === 404) {
		message = `${transfer.path} does not exist in storage`;
	} else if (status >= 500) {
		description = 'The storage service failed; try again later.';
	}
	const retry = RETRYABLE_STATUS(status)
		? { outcome: String(status), retryAfterMs: parseRetryAfter(retryAfter) }
		: undefined;
	return storageError(ctx, transfer, message, description, { status, detail: detail ?? null }, status, retry);
}

/** An error body for `extractDetail`: a parsed object as is; a stream or bytes as (at most 4 KB of) text. */
async function errorBody(body: unknown, limit = 4096): Promise<unknown> {
	if (body === undefined || body === null || typeof body === 'string') return body;
	if (body instanceof Uint8Array) return new TextDecoder().decode(body.subarray(0, limit));
	const stream = body as AsyncIterable<Uint8Array | string> & { destroy?: () => void };
	if (typeof stream[Symbol.asyncIterator] !== 'function') return body;
	const decoder = new TextDecoder();
	let text = '';
	try {
		for await (const chunk of stream) {
			text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
			if (text.length >= limit) break;
		}
	} catch {
		/* a broken error body: keep what arrived */
	} finally {
		stream.destroy?.();
	}
	return text.slice(0, limit);
}

/**
 * One request to a signed storage URL: the full response, raw body, transfer timeout. A status of
 * 300 or more becomes the storage error (statusError), for downloads and uploads alike.
 */
async function send(
	ctx: IExecuteFunctions,
	transfer: SignedTransfer,
	options: IHttpRequestOptions,
): Promise<IN8nHttpFullResponse> {
	const response = await sendOnce(ctx, transfer, {
		...options,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: TRANSFER_TIMEOUT_MS,
		json: false,
	});
	if (response.statusCode >= 300) {
		const retryAfter = (response.headers as IDataObject | undefined)?.['retry-after'];
		const method = options.method ?? 'GET';
		throw statusError(ctx, transfer, method, response.statusCode, await errorBody(response.body), retryAfter);
	}
	return response;
}

async function sendOnce(
	ctx: IExecuteFunctions,
	transfer: SignedTransfer,
	options: IHttpRequestOptions,
): Promise<IN8nHttpFullResponse> {
	const signal = cancelSignal(ctx);
	try {
		return (await ctx.helpers.httpRequest({ ...options, abortSignal: signal })) as IN8nHttpFullResponse;
	} catch (error) {
		if (signal?.aborted) throw cancelledError(ctx, transfer, options.method ?? 'GET');
		const code = errorCode(error);
		const verb = options.method === 'PUT' ? 'upload of' : 'download of';
		throw storageError(
			ctx,
			transfer,
			`The connection to storage broke during the ${verb} ${transfer.path} (${code})`,
			`${redactUrl(String((error as Error)?.message ?? ''))}. Run the node again.`,
			{ code, message: code },
			undefined,
			{ outcome: code },
		);
	}
}

/**
 * GET a signed URL and store the body as n8n binary data, streamed (constant memory when n8n
 * keeps binary data on disk or S3). Fails if fewer bytes arrived than the storage announced.
 * A download that fails on 429, 5xx, a broken connection or a short body starts over.
 */
type DownloadTransfer = SignedTransfer & {
	fileName: string;
	/** Asked with the announced size before any of the body is read; an error returned stops the transfer. */
	refuse?: (announcedBytes: number | undefined) => Promise<Error | undefined>;
};

export async function downloadSignedUrl(this: IExecuteFunctions, transfer: DownloadTransfer): Promise<DownloadedFile> {
	return await withRetries(this, async () => await downloadOnce.call(this, transfer));
}

async function downloadOnce(this: IExecuteFunctions, transfer: DownloadTransfer): Promise<DownloadedFile> {
	const response = await send(this, transfer, {
		method: 'GET',
		url: transfer.url,
		encoding: 'stream',
	});
	const headers = response.headers as IDataObject;
	const contentType = String(headers['content-type'] ?? 'application/octet-stream')
		.split(';')[0]
		.trim();
	const announced = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
	let refusal: Error | undefined;
	try {
		refusal = await transfer.refuse?.(Number.isFinite(announced) ? announced : undefined);
	} catch (error) {
		refusal = new NodeOperationError(this.getNode(), error as Error, { itemIndex: transfer.itemIndex });
	}
	if (refusal) {
		(response.body as { destroy?: () => void })?.destroy?.();
		throw refusal;
	}

	let binary: IBinaryData;
	const signal = cancelSignal(this);
	// Whether n8n's HTTP stack ends a running body on abort varies; close it here for sure.
	const stopListening = onAbort(signal ? [signal] : [], () => discardBody(response.body));
	try {
		binary = await this.helpers.prepareBinaryData(
			response.body as Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0],
			transfer.fileName,
			contentType,
		);
	} catch (error) {
		if (signal?.aborted) throw cancelledError(this, transfer, 'GET');
		const code = errorCode(error);
		if (code === 'ERROR') {
			// Not the connection: n8n's binary data store refused the file (e.g. over its database-mode cap).
			throw new NodeOperationError(this.getNode(), `n8n could not keep the download of ${transfer.path}`, {
				itemIndex: transfer.itemIndex,
				description: redactText(String((error as Error)?.message ?? ''), urlSecrets(transfer.url)),
			});
		}
		throw storageError(
			this,
			transfer,
			`The download of ${transfer.path} broke off (${code})`,
			'The storage connection closed before the whole file arrived. Nothing was kept; run the node again.',
			{ code, message: code },
			undefined,
			{ outcome: code },
		);
	} finally {
		stopListening();
	}
	if (signal?.aborted) throw cancelledError(this, transfer, 'GET');
	const size = await storedSize.call(this, binary);
	if (announced !== undefined && Number.isFinite(announced) && size !== announced) {
		throw storageError(
			this,
			transfer,
			`The download of ${transfer.path} is incomplete: ${size} of ${announced} bytes arrived`,
			'The storage connection closed early. Run the node again.',
			{ code: 'SIZE_MISMATCH', message: 'size mismatch' },
			undefined,
			{ outcome: 'short body' },
		);
	}
	return { binary, size, contentType };
}

/**
 * PUT a stream or Buffer to a signed URL. `content-length` is always set and redirects are
 * not followed: with redirects on, n8n's HTTP stack (follow-redirects) keeps the whole body
 * in memory to be able to replay it.
 */
export async function uploadSignedUrl(this: IExecuteFunctions, upload: SignedUpload): Promise<void> {
	const inMemory = upload.body instanceof Uint8Array || typeof upload.body === 'string';
	await withRetries(
		this,
		async (attempt) => {
			if (attempt === 1) return await uploadOnce.call(this, upload);
			const body = inMemory ? upload.body : await upload.reopen?.();
			try {
				return await uploadOnce.call(this, { ...upload, body });
			} finally {
				// A stream opened for this attempt is this attempt's to close.
				if (!inMemory) (body as { destroy?: () => void } | undefined)?.destroy?.();
			}
		},
		() => inMemory || upload.reopen !== undefined,
	);
}

async function uploadOnce(this: IExecuteFunctions, upload: SignedUpload): Promise<void> {
	await send(this, upload, {
		method: 'PUT',
		url: upload.url,
		body: upload.body as IHttpRequestOptions['body'],
		headers: {
			...(upload.headers ?? {}),
			'Content-Type': upload.contentType,
			'Content-Length': String(upload.size),
		},
		disableFollowRedirect: true,
	});
}

/** Bytes of a binary value n8n stored: `bytes` (2.x), the file's metadata, or the inline base64. */
export async function storedSize(this: IExecuteFunctions, binary: IBinaryData): Promise<number> {
	const bytes = (binary as IBinaryData & { bytes?: unknown }).bytes;
	if (typeof bytes === 'number') return bytes;
	if (binary.id) return (await this.helpers.getBinaryMetadata(binary.id)).fileSize;
	const data = binary.data ?? '';
	const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
	return Math.floor((data.length * 3) / 4) - padding;
}

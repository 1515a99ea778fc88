// @ts-check
/** The fake object store behind signed URLs: `GET|HEAD|PUT /_signed/<bucket>/<key>?X-Flow-...`. */
import { pipeline } from 'node:stream/promises';
import { sendJson, sendRaw, sendStream, resetSocket, queryObject } from './emulator.js';

/**
 * @param {import('./emulator.js').Emulator} emu
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {URL} url
 */
export async function handleSigned(emu, req, res, url) {
	const method = (req.method ?? 'GET').toUpperCase();
	const query = queryObject(url.searchParams);
	if (query['X-Flow-Signature']) query['X-Flow-Signature'] = '<redacted>';
	const entry = emu.recorder.add({
		time: emu.clock.iso(),
		method,
		service: 'storage',
		path: url.pathname,
		query,
		headers: emu.redactHeaders(req.headers),
		body: null,
		status: null,
	});
	/** @param {number} status @param {any} body @param {Record<string,string>} [headers] @param {any} [fault] */
	const answer = (status, body, headers = {}, fault = null) => {
		entry.status = status;
		emu.recorder.finish(entry);
		req.resume();
		return sendJson(res, status, body, headers, fault);
	};

	const fault = emu.faults.take('storage', method, url.pathname);
	if (fault) {
		entry.fault = fault.id;
		entry.faultKind = fault.kind;
	}
	// After commit: the upload is stored (or the download read), then the answer is lost or late.
	if (fault && !fault.afterCommit) {
		if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
		if (fault.reset) {
			entry.status = 0;
			emu.recorder.finish(entry);
			return resetSocket(res);
		}
		if (fault.status !== undefined) {
			/** @type {Record<string, string>} */
			const headers = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
			return answer(fault.status, fault.body ?? { detail: `Injected fault (${fault.status})` }, headers, fault);
		}
	}
	if (!['GET', 'HEAD', 'PUT'].includes(method)) return answer(405, { detail: 'Method Not Allowed' }, { Allow: 'GET, HEAD, PUT' });
	const grant = emu.signer.verify(method, url.pathname, url.searchParams);
	if ('error' in grant) return answer(403, { detail: grant.error });
	const { bucket, key } = grant;

	if (method === 'PUT') {
		const sent = String(req.headers['content-type'] ?? '');
		if (sent.split(';')[0].trim().toLowerCase() !== grant.contentType.split(';')[0].trim().toLowerCase()) {
			return answer(403, { detail: `SignatureDoesNotMatch: Content-Type must be ${grant.contentType}` });
		}
		let writer;
		try {
			writer = await emu.buckets.writer(bucket, key, grant.contentType);
		} catch (err) {
			return answer(/** @type {any} */ (err).status ?? 500, { detail: /** @type {any} */ (err).detail ?? 'Storage error' });
		}
		try {
			await pipeline(req, writer.stream);
		} catch {
			await writer.abort();
			entry.status = 499;
			emu.recorder.finish(entry);
			return res.destroy();
		}
		const expected = req.headers['content-length'];
		if (expected !== undefined && Number(expected) !== writer.stream.bytesWritten) {
			await writer.abort();
			return answer(400, { detail: 'Upload incomplete: body shorter than Content-Length' });
		}
		await writer.commit();
		const project = emu.state.projects.find((/** @type {any} */ p) => String(p.bucket_name).replace(/^(gs|s3):\/\//, '') === bucket);
		emu.audit({ service: 'files' }, { action: 'file.upload', entity_type: 'file', entity_id: key, project_id: project?.id ?? null, changes: { size: writer.stream.bytesWritten, content_type: grant.contentType } });
		emu.emitSafe('file.uploaded', { bucket, key, projectId: project?.id ?? null });
		entry.bytes = writer.stream.bytesWritten;
		entry.status = 200;
		emu.recorder.finish(entry);
		return sendRaw(res, 200, '', {}, fault?.afterCommit ? fault : null);
	}

	const st = await emu.buckets.stat(bucket, key);
	if (!st) return answer(404, { detail: 'NoSuchKey: the object does not exist' });
	const leaf = key.split('/').pop() ?? 'download';
	const ascii = leaf.replace(/[^\x20-\x7e]|"/g, '_');
	/** @type {Record<string, string>} */
	const headers = {
		'Content-Type': st.content_type,
		'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(leaf)}`,
		'Last-Modified': new Date(st.last_modified).toUTCString(),
		'Accept-Ranges': 'bytes',
	};
	const range = parseRange(req.headers.range, st.size);
	if (range === 'invalid') return answer(416, { detail: 'Requested range not satisfiable' }, { 'Content-Range': `bytes */${st.size}` });
	const status = range ? 206 : 200;
	const length = range ? range.end - range.start + 1 : st.size;
	if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${st.size}`;
	headers['Content-Length'] = String(length);
	entry.status = status;
	entry.bytes = length;
	emu.recorder.finish(entry);
	return sendStream(res, status, emu.buckets.reader(bucket, key, range ?? undefined), headers, fault);
}

/**
 * One `bytes=` range (the only kind cloud storage clients send), or null for the whole object.
 * @param {string | undefined} header @param {number} size
 * @returns {{ start: number, end: number } | null | 'invalid'}
 */
function parseRange(header, size) {
	if (!header) return null;
	const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!m || (m[1] === '' && m[2] === '')) return null;
	let start;
	let end;
	if (m[1] === '') {
		start = Math.max(0, size - Number(m[2]));
		end = size - 1;
	} else {
		start = Number(m[1]);
		end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
	}
	if (start >= size || start > end) return 'invalid';
	return { start, end };
}

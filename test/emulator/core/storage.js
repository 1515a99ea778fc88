// @ts-check
/** The fake object store behind signed URLs: `GET|HEAD|PUT /_signed/<bucket>/<key>?X-Flow-...`. */
import { pipeline } from 'node:stream/promises';
import { sendJson, sendStream, resetSocket, queryObject } from './emulator.js';

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
		emu.hooks.emit('file.uploaded', { bucket, key, projectId: project?.id ?? null });
		entry.bytes = writer.stream.bytesWritten;
		entry.status = 200;
		emu.recorder.finish(entry);
		res.writeHead(200, { 'Content-Length': '0' });
		return res.end();
	}

	const st = await emu.buckets.stat(bucket, key);
	if (!st) return answer(404, { detail: 'NoSuchKey: the object does not exist' });
	entry.status = 200;
	entry.bytes = st.size;
	emu.recorder.finish(entry);
	const leaf = key.split('/').pop() ?? 'download';
	const ascii = leaf.replace(/[^\x20-\x7e]|"/g, '_');
	return sendStream(
		res,
		200,
		emu.buckets.reader(bucket, key),
		{
			'Content-Type': st.content_type,
			'Content-Length': String(st.size),
			'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(leaf)}`,
			'Last-Modified': new Date(st.last_modified).toUTCString(),
		},
		fault,
	);
}

// Files service (docs/flow-api.md §8) and the signed-URL object store.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, A } from './client.js';

let t;
before(async () => {
	t = await startEmulator({ clock: 'manual' });
});
after(() => t.emu.stop());
beforeEach(async () => {
	await t.control('POST', '/reset');
	await t.control('POST', '/seed', {
		files: {
			[A]: {
				'samples/sam-1/uploads/sample.vcf.gz': { base64: Buffer.from('vcfbytes').toString('base64'), content_type: 'application/gzip' },
				'samples/sam-1/uploads/raw/R1.fastq.gz': 'r1',
				'samples/sam-1/uploads/raw/R2.fastq.gz': 'r2',
				'samples/sam-2/notes.txt': 'notes',
				'orders/ord-1/signed-report.pdf': '%PDF-1.4 signed',
				'readme.txt': 'top',
			},
		},
	});
});

const files = (method, path, o = {}) => t.call('files', method, `/api/v1/files${path}`, { project: A, ...o });

test('list one level: folders first, exactly the FileItem keys, Python-style timestamps', async () => {
	const r = await files('GET', '', { query: { path: 'samples/sam-1/uploads/' } });
	assert.equal(r.status, 200);
	assert.equal(r.body.bucket_name, 'bgl-hereditary-2026');
	assert.equal(r.body.path, 'samples/sam-1/uploads/');
	assert.deepEqual(r.body.folders, [{ name: 'samples/sam-1/uploads/raw/', display_name: 'raw', size: null, last_modified: null, is_folder: true, content_type: null }]);
	assert.equal(r.body.files.length, 1);
	const f = r.body.files[0];
	assert.deepEqual(Object.keys(f).sort(), ['content_type', 'display_name', 'is_folder', 'last_modified', 'name', 'size']);
	assert.deepEqual([f.name, f.display_name, f.size, f.is_folder, f.content_type], ['samples/sam-1/uploads/sample.vcf.gz', 'sample.vcf.gz', 8, false, 'application/gzip']);
	assert.match(f.last_modified, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
	const noSlash = await files('GET', '', { query: { path: 'samples/sam-1/uploads' } });
	assert.deepEqual(noSlash.body, r.body);
	const root = await files('GET', '');
	assert.deepEqual(root.body.folders.map((x) => x.name), ['orders/', 'samples/']);
	assert.deepEqual(root.body.files.map((x) => x.name), ['readme.txt']);
	assert.deepEqual((await files('GET', '', { query: { path: 'no/such/folder' } })).body.files, []);
	assert.equal((await files('GET', '', { query: { path: '../etc' } })).status, 400);
});

test('list recursive=true and limit/offset paging (x-inferred extensions)', async () => {
	const all = await files('GET', '', { query: { path: 'samples/', recursive: true } });
	assert.deepEqual(all.body.folders, []);
	assert.deepEqual(all.body.files.map((f) => f.name), [
		'samples/sam-1/uploads/raw/R1.fastq.gz',
		'samples/sam-1/uploads/raw/R2.fastq.gz',
		'samples/sam-1/uploads/sample.vcf.gz',
		'samples/sam-2/notes.txt',
	]);
	const p1 = await files('GET', '', { query: { path: 'samples/', recursive: true, limit: 3 } });
	const p2 = await files('GET', '', { query: { path: 'samples/', recursive: true, limit: 3, offset: 3 } });
	assert.equal(p1.headers.get('x-total-count'), '4');
	assert.deepEqual([...p1.body.files, ...p2.body.files].map((f) => f.name), all.body.files.map((f) => f.name));
	const mixed = await files('GET', '', { query: { limit: 2 } });
	assert.deepEqual([mixed.body.folders.length, mixed.body.files.length], [2, 0]);
	const rest = await files('GET', '', { query: { limit: 2, offset: 2 } });
	assert.deepEqual(rest.body.files.map((f) => f.name), ['readme.txt']);
});

test('metadata of an object or a folder; 404 otherwise', async () => {
	const m = await files('GET', '/metadata', { query: { path: 'samples/sam-2/notes.txt' } });
	assert.equal(m.status, 200);
	assert.equal(m.body.size, 5);
	assert.equal(m.body.content_type, 'text/plain');
	assert.equal((await files('GET', '/metadata', { query: { path: 'samples/sam-2' } })).body.is_folder, true);
	assert.equal((await files('GET', '/metadata', { query: { path: 'nope.txt' } })).status, 404);
	assert.equal((await files('GET', '/metadata')).status, 422);
});

test('upload then download through signed URLs: headers, content type, disposition, audit', async () => {
	const up = await files('POST', '/upload-url', { body: { path: 'uploads/run 1/résumé.txt', content_type: 'text/plain' } });
	assert.equal(up.status, 200);
	assert.equal(up.body.method, 'PUT');
	assert.equal(up.body.expires_in, 900);
	assert.deepEqual(up.body.headers, { 'Content-Type': 'text/plain' });
	assert.equal(up.body.path, 'uploads/run 1/résumé.txt');
	const put = await fetch(up.body.url, { method: 'PUT', headers: up.body.headers, body: 'hello world' });
	assert.equal(put.status, 200);

	const dn = await files('GET', '/download-url', { query: { path: 'uploads/run 1/résumé.txt' } });
	assert.equal(dn.status, 200);
	assert.deepEqual(Object.keys(dn.body).sort(), ['expires_at', 'expires_in', 'method', 'path', 'url']);
	assert.equal(dn.body.expires_in, 3600);
	const head = await fetch(dn.body.url, { method: 'HEAD' });
	assert.equal(head.status, 200);
	assert.equal(head.headers.get('content-length'), '11');
	const get = await fetch(dn.body.url);
	assert.equal(get.status, 200);
	assert.equal(get.headers.get('content-type'), 'text/plain');
	assert.equal(get.headers.get('content-length'), '11');
	assert.match(get.headers.get('content-disposition'), /filename\*=UTF-8''r%C3%A9sum%C3%A9\.txt/);
	assert.equal(await get.text(), 'hello world');
	const part = await fetch(dn.body.url, { headers: { Range: 'bytes=6-' } });
	assert.equal(part.status, 206);
	assert.equal(part.headers.get('content-range'), 'bytes 6-10/11');
	assert.equal(await part.text(), 'world');
	assert.equal((await fetch(dn.body.url, { headers: { Range: 'bytes=-5' } }).then((x) => x.text())), 'world');
	assert.equal((await fetch(dn.body.url, { headers: { Range: 'bytes=50-' } })).status, 416);
	const ev = await t.call('audit', 'GET', '/api/v1/events', { query: { action: 'file.upload' } });
	assert.equal(ev.body[0].entity_id, 'uploads/run 1/résumé.txt');
	const log = (await t.control('GET', '/requests?service=storage')).body;
	assert.deepEqual(log.map((e) => [e.method, e.status]), [['PUT', 200], ['HEAD', 200], ['GET', 200], ['GET', 206], ['GET', 206], ['GET', 416]]);
	assert.equal(log[0].query['X-Flow-Signature'], '<redacted>');
	const defaultType = await files('POST', '/upload-url', { body: { path: 'uploads/blob.bin' } });
	assert.deepEqual(defaultType.body.headers, { 'Content-Type': 'application/octet-stream' });
});

test('signed URLs: wrong content type, tampering, wrong method and expiry → 403', async () => {
	const up = await files('POST', '/upload-url', { body: { path: 'uploads/a.bin', content_type: 'application/gzip' } });
	assert.equal((await fetch(up.body.url, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'x' })).status, 403);
	const tampered = up.body.url.replace('uploads/a.bin', 'uploads/b.bin');
	assert.equal((await fetch(tampered, { method: 'PUT', headers: up.body.headers, body: 'x' })).status, 403);
	const sig = new URL(up.body.url);
	sig.searchParams.set('X-Flow-Expires', String(Number(sig.searchParams.get('X-Flow-Expires')) + 3600));
	assert.equal((await fetch(sig, { method: 'PUT', headers: up.body.headers, body: 'x' })).status, 403);
	assert.equal((await fetch(up.body.url)).status, 403, 'a PUT URL cannot be used to GET');

	const dn = await files('GET', '/download-url', { query: { path: 'readme.txt' } });
	await t.control('POST', '/clock/advance', { ms: 3599_000 });
	assert.equal((await fetch(dn.body.url)).status, 200);
	await t.control('POST', '/clock/advance', { ms: 2_000 });
	const expired = await fetch(dn.body.url);
	assert.equal(expired.status, 403);
	assert.match((await expired.json()).detail, /expired/i);
	await t.control('POST', '/clock/advance', { ms: 0 });
	assert.equal((await fetch(up.body.url, { method: 'PUT', headers: up.body.headers, body: 'x' })).status, 403, 'upload URL (900 s) expired too');
});

test('download-url: 404 missing object, 400 folder path or escaping path, viewer may download but not upload', async () => {
	assert.equal((await files('GET', '/download-url', { query: { path: 'nope.txt' } })).status, 404);
	assert.equal((await files('GET', '/download-url', { query: { path: 'samples/' } })).status, 400);
	assert.equal((await files('GET', '/download-url', { query: { path: 'a/../../x' } })).status, 400);
	assert.equal((await files('GET', '/download-url', { as: 'viewer', query: { path: 'readme.txt' } })).status, 200);
	assert.equal((await files('POST', '/upload-url', { as: 'viewer', body: { path: 'uploads/x.txt' } })).status, 403);
	assert.equal((await files('POST', '/upload-url', { body: { path: 'orders/ord-1/signed-report.pdf', content_type: 'application/pdf' } })).status, 403);
	assert.equal((await files('POST', '/upload-url', { body: { content_type: 'text/plain' } })).status, 422);
});

test('copy: single object, folder prefix, aliases, 409 without overwrite, 404, 400', async () => {
	const one = await files('POST', '/copy', { body: { source_path: 'readme.txt', destination_path: 'uploads/readme-copy.txt' } });
	assert.equal(one.status, 200);
	assert.deepEqual(one.body, { source_path: 'readme.txt', destination_path: 'uploads/readme-copy.txt', objects: 1 });
	const into = await files('POST', '/copy', { body: { src: 'readme.txt', dst: 'archive/' } });
	assert.equal(into.body.objects, 1);
	assert.equal((await files('GET', '/metadata', { query: { path: 'archive/readme.txt' } })).status, 200);
	const folder = await files('POST', '/copy', { body: { source: 'samples/sam-1/', destination: 'backup/sam-1/' } });
	assert.equal(folder.body.objects, 3);
	const listed = await files('GET', '', { query: { path: 'backup/sam-1/uploads/raw' } });
	assert.deepEqual(listed.body.files.map((f) => f.display_name), ['R1.fastq.gz', 'R2.fastq.gz']);
	assert.equal((await files('GET', '/metadata', { query: { path: 'backup/sam-1/uploads/sample.vcf.gz' } })).body.content_type, 'application/gzip');

	const conflict = await files('POST', '/copy', { body: { source_path: 'readme.txt', destination_path: 'uploads/readme-copy.txt' } });
	assert.equal(conflict.status, 409);
	assert.equal((await files('POST', '/copy', { body: { source_path: 'readme.txt', destination_path: 'uploads/readme-copy.txt', overwrite: true } })).status, 200);
	assert.equal((await files('POST', '/copy', { body: { source_path: 'missing.txt', destination_path: 'x.txt' } })).status, 404);
	assert.equal((await files('POST', '/copy', { body: { source_path: 'readme.txt', destination_path: 'readme.txt' } })).status, 400);
	assert.equal((await files('POST', '/copy', { body: { source_path: '../readme.txt', destination_path: 'x.txt' } })).status, 400);
	assert.equal((await files('POST', '/copy', { body: { source_path: 'samples/', destination_path: 'samples/inner/' } })).status, 400);
	const missing = await files('POST', '/copy', { body: { overwrite: true } });
	assert.equal(missing.status, 422);
	assert.deepEqual(missing.body.detail.map((d) => d.loc.join('.')), ['body.source_path', 'body.destination_path']);
	assert.equal((await files('POST', '/copy', { as: 'viewer', body: { source_path: 'readme.txt', destination_path: 'v.txt' } })).status, 403);
});

test('move: object and folder; source gone; signed report cannot move', async () => {
	const m = await files('POST', '/move', { body: { source_path: 'readme.txt', destination_path: 'docs/readme.txt' } });
	assert.deepEqual(m.body, { source_path: 'readme.txt', destination_path: 'docs/readme.txt', objects: 1 });
	assert.equal((await files('GET', '/metadata', { query: { path: 'readme.txt' } })).status, 404);
	assert.equal((await files('GET', '/metadata', { query: { path: 'docs/readme.txt' } })).body.size, 3);
	const f = await files('POST', '/move', { body: { source_path: 'samples/sam-1/', destination_path: 'samples/sam-9/' } });
	assert.equal(f.body.objects, 3);
	assert.deepEqual((await files('GET', '', { query: { path: 'samples/' } })).body.folders.map((x) => x.display_name), ['sam-2', 'sam-9']);
	assert.equal((await files('POST', '/move', { body: { source_path: 'orders/ord-1/signed-report.pdf', destination_path: 'x.pdf' } })).status, 403);
	const ev = await t.call('audit', 'GET', '/api/v1/events', { query: { entity_type: 'file', action: 'file.move' } });
	assert.equal(ev.body.length, 2);
});

test('delete: object 204, folder needs recursive=true (409), 404 when nothing matches, signed report 403', async () => {
	const r = await files('DELETE', '', { query: { path: 'readme.txt' } });
	assert.equal(r.status, 204);
	assert.equal((await files('DELETE', '', { query: { path: 'readme.txt' } })).status, 404);
	assert.equal((await files('DELETE', '', { query: { path: 'samples/sam-1/' } })).status, 409);
	assert.equal((await files('DELETE', '', { query: { path: 'samples/sam-1' } })).status, 409);
	assert.equal((await files('DELETE', '', { query: { path: 'samples/sam-1/', recursive: true } })).status, 204);
	assert.deepEqual((await files('GET', '', { query: { path: 'samples/' } })).body.folders.map((x) => x.display_name), ['sam-2']);
	assert.equal((await files('DELETE', '', { query: { path: 'orders/ord-1/signed-report.pdf' } })).status, 403);
	assert.equal((await files('DELETE', '', { query: { path: 'orders/', recursive: true } })).status, 403);
	assert.equal((await files('DELETE', '', { as: 'viewer', query: { path: 'samples/sam-2/notes.txt' } })).status, 403);
	assert.equal((await files('DELETE', '')).status, 422);
});

test('publicUrl option changes the base of signed URLs', async () => {
	const e = await startEmulator({ publicUrl: 'http://storage.example:9000/' });
	try {
		const r = await e.call('files', 'POST', '/api/v1/files/upload-url', { project: A, body: { path: 'uploads/p.txt' } });
		assert.match(r.body.url, /^http:\/\/storage\.example:9000\/_signed\/bgl-hereditary-2026\/uploads\/p\.txt\?/);
	} finally {
		await e.emu.stop();
	}
});

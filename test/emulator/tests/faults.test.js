// Fault rules: status (+Retry-After, body), connection reset, delay, truncated body; count,
// probability and service/method/path matching.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startEmulator, A } from './client.js';

let t;
before(async () => {
	t = await startEmulator();
});
after(() => t.emu.stop());
beforeEach(() => t.control('DELETE', '/faults'));

/** GET that reports how many body bytes arrived before the connection ended. @param {string} url */
function getRaw(url) {
	return new Promise((resolve) => {
		let bytes = 0;
		let length;
		let done = false;
		const finish = (/** @type {any} */ r) => {
			if (!done) resolve({ bytes, length, ...r });
			done = true;
		};
		const req = http.get(url, { headers: { authorization: 'Bearer flow-admin-token' } }, (res) => {
			length = Number(res.headers['content-length']);
			res.on('data', (c) => (bytes += c.length));
			res.on('end', () => finish({ ok: true }));
			res.on('error', (err) => finish({ ok: false, code: err.code }));
			res.on('aborted', () => finish({ ok: false, code: 'ECONNRESET' }));
		});
		req.on('error', (err) => finish({ ok: false, code: err.code }));
	});
}

test('status fault with Retry-After and body, limited by count', async () => {
	const r = await t.control('POST', '/faults', { service: 'compute', method: 'GET', path: '^/api/v1/pipelines$', count: 2, status: 503, retryAfter: 1, body: { detail: 'busy' } });
	assert.equal(r.status, 201);
	assert.ok(r.body.id);
	for (let i = 0; i < 2; i++) {
		const f = await t.call('compute', 'GET', '/api/v1/pipelines');
		assert.equal(f.status, 503);
		assert.equal(f.headers.get('retry-after'), '1');
		assert.deepEqual(f.body, { detail: 'busy' });
	}
	assert.equal((await t.call('compute', 'GET', '/api/v1/pipelines')).status, 200, 'count used up');
	assert.deepEqual((await t.control('GET', '/faults')).body, []);
});

test('faults match service, method and path regex only', async () => {
	await t.control('POST', '/faults', { service: 'miner', status: 500 });
	await t.control('POST', '/faults', { service: 'compute', method: 'POST', status: 429 });
	await t.control('POST', '/faults', { path: '/slug/', status: 502 });
	assert.equal((await t.call('compute', 'GET', '/api/v1/pipelines')).status, 200);
	assert.equal((await t.call('compute', 'POST', '/api/v1/runs', { project: A, body: {} })).status, 429);
	assert.equal((await t.call('compute', 'GET', '/api/v1/pipelines/slug/hereditary-mock')).status, 502);
	assert.equal((await t.call('admin', 'GET', '/api/v1/orgs')).status, 200);
	const log = (await t.control('GET', '/requests')).body;
	const faulted = log.filter((e) => e.fault);
	assert.ok(faulted.length >= 2);
});

test('probability 0 never fires, probability 1 always fires', async () => {
	await t.control('POST', '/faults', { service: 'admin', probability: 0, status: 500 });
	for (let i = 0; i < 5; i++) assert.equal((await t.call('admin', 'GET', '/api/v1/orgs')).status, 200);
	await t.control('DELETE', '/faults');
	await t.control('POST', '/faults', { service: 'admin', probability: 1, status: 500 });
	for (let i = 0; i < 3; i++) assert.equal((await t.call('admin', 'GET', '/api/v1/orgs')).status, 500);
});

test('connection reset', async () => {
	await t.control('POST', '/faults', { service: 'admin', reset: true, count: 1 });
	const r = await getRaw(`${t.url}/admin/api/v1/orgs`);
	assert.equal(r.ok, false);
	assert.equal(r.code, 'ECONNRESET');
	assert.equal((await t.call('admin', 'GET', '/api/v1/orgs')).status, 200);
	const log = (await t.control('GET', '/requests')).body;
	assert.equal(log.at(-2).status, 0);
});

test('delay holds the answer, then answers normally', async () => {
	await t.control('POST', '/faults', { service: 'admin', delayMs: 300, count: 1 });
	const t0 = Date.now();
	const r = await t.call('admin', 'GET', '/api/v1/orgs');
	assert.equal(r.status, 200);
	assert.ok(Date.now() - t0 >= 290, 'answered after the delay');
});

test('truncate sends fewer bytes than Content-Length and drops the connection', async () => {
	await t.control('POST', '/faults', { service: 'compute', truncate: 20, count: 1 });
	const r = await getRaw(`${t.url}/compute/api/v1/pipelines`);
	assert.equal(r.ok, false);
	assert.equal(r.bytes, 20);
	assert.ok(r.length > 20);
});

test('fault rules apply to signed storage URLs too (service "storage")', async () => {
	await t.emu.emulator.projectFiles.write(A, 'uploads/x.txt', 'abcdefghij', 'text/plain');
	const { body } = await t.call('files', 'GET', '/api/v1/files/download-url', { project: A, query: { path: 'uploads/x.txt' } });
	await t.control('POST', '/faults', { service: 'storage', truncate: 3, count: 1 });
	const r = await getRaw(body.url);
	assert.equal(r.ok, false);
	assert.equal(r.bytes, 3);
	assert.equal(r.length, 10);
	await t.control('POST', '/faults', { service: 'storage', status: 503, retryAfter: 2, count: 1 });
	const f = await fetch(body.url);
	assert.equal(f.status, 503);
	assert.equal(f.headers.get('retry-after'), '2');
	assert.equal(await (await fetch(body.url)).text(), 'abcdefghij');
});

test('bad fault rules are refused; one rule can be deleted by id', async () => {
	assert.equal((await t.control('POST', '/faults', { service: 'admin' })).status, 400);
	assert.equal((await t.control('POST', '/faults', { path: '(', status: 500 })).status, 400);
	const { body } = await t.control('POST', '/faults', { service: 'admin', status: 500 });
	assert.equal((await t.control('DELETE', `/faults/${body.id}`)).status, 200);
	assert.equal((await t.control('DELETE', `/faults/${body.id}`)).status, 404);
	assert.equal((await t.call('admin', 'GET', '/api/v1/orgs')).status, 200);
});

/** A raw POST that reports the status, or the network error code when no answer came. */
function postRaw(url, body, headers = {}) {
	return new Promise((resolve) => {
		const payload = JSON.stringify(body);
		const req = http.request(url, { method: 'POST', headers: { authorization: 'Bearer flow-admin-token', 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } }, (res) => {
			let text = '';
			res.on('data', (c) => (text += c));
			res.on('end', () => resolve({ status: res.statusCode, body: text }));
			res.on('error', (err) => resolve({ error: err.code }));
		});
		req.on('error', (err) => resolve({ error: err.code }));
		req.end(payload);
	});
}

const subjectsNamed = async (displayId) =>
	(await t.call('miner', 'GET', '/api/v1/subjects', { project: A, query: { search: displayId } })).body.filter((s) => s.display_id === displayId);

test('after commit: the record is stored, then the connection drops', async () => {
	await t.control('POST', '/faults', { service: 'miner', method: 'POST', path: '^/api/v1/subjects$', reset: true, afterCommit: true, count: 1 });
	const r = await postRaw(`${t.url}/miner/api/v1/subjects`, { display_id: 'SUB-AC-RESET' }, { 'x-project-id': A });
	assert.equal(r.error, 'ECONNRESET');
	assert.equal((await subjectsNamed('SUB-AC-RESET')).length, 1, 'stored although the answer was lost');
	const [entry] = (await t.control('GET', '/requests?method=POST')).body.slice(-1);
	assert.equal(entry.status, 201, 'the log keeps what the server did');
	assert.equal(entry.faultKind, 'reset after commit');
});

test('after commit: 502 and 504 answered for a stored record; before commit nothing is stored', async () => {
	for (const status of [502, 504]) {
		await t.control('POST', '/faults', { service: 'miner', method: 'POST', path: '^/api/v1/subjects$', status, afterCommit: true, count: 1 });
		const after = await t.call('miner', 'POST', '/api/v1/subjects', { project: A, body: { display_id: `SUB-AC-${status}` } });
		assert.equal(after.status, status);
		assert.equal((await subjectsNamed(`SUB-AC-${status}`)).length, 1);
		await t.control('POST', '/faults', { service: 'miner', method: 'POST', path: '^/api/v1/subjects$', status, count: 1 });
		const before = await t.call('miner', 'POST', '/api/v1/subjects', { project: A, body: { display_id: `SUB-BC-${status}` } });
		assert.equal(before.status, status);
		assert.equal((await subjectsNamed(`SUB-BC-${status}`)).length, 0);
	}
});

test('after commit: an answer later than the client waits for (stored at once, answered after delayMs)', async () => {
	await t.control('POST', '/faults', { service: 'miner', method: 'POST', path: '^/api/v1/subjects$', delayMs: 400, afterCommit: true, count: 1 });
	const controller = new AbortController();
	const pending = fetch(`${t.url}/miner/api/v1/subjects`, {
		method: 'POST',
		headers: { authorization: 'Bearer flow-admin-token', 'x-project-id': A, 'content-type': 'application/json' },
		body: JSON.stringify({ display_id: 'SUB-AC-LATE' }),
		signal: controller.signal,
	});
	await new Promise((r) => setTimeout(r, 100));
	assert.equal((await subjectsNamed('SUB-AC-LATE')).length, 1, 'stored before the answer');
	controller.abort(); // the client gives up, as on its timeout
	await assert.rejects(pending);
	await new Promise((r) => setTimeout(r, 500)); // the late answer finds the connection gone: no crash
	const late = await t.call('miner', 'POST', '/api/v1/subjects', { project: A, body: { display_id: 'SUB-AC-LATE' } });
	assert.equal(late.status, 409, 'a resend meets the stored record');
	// Without an abort the client gets the real answer, late.
	await t.control('POST', '/faults', { service: 'miner', method: 'POST', path: '^/api/v1/subjects$', delayMs: 300, afterCommit: true, count: 1 });
	const t0 = Date.now();
	const slow = await t.call('miner', 'POST', '/api/v1/subjects', { project: A, body: { display_id: 'SUB-AC-SLOW' } });
	assert.equal(slow.status, 201);
	assert.ok(Date.now() - t0 >= 290);
});

test('after commit on signed uploads: the object is stored, then the PUT answer is lost', async () => {
	const { body } = await t.call('files', 'POST', '/api/v1/files/upload-url', { project: A, body: { path: 'uploads/ac.txt', content_type: 'text/plain' } });
	await t.control('POST', '/faults', { service: 'storage', method: 'PUT', status: 502, afterCommit: true, count: 1 });
	const put = await fetch(body.url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'hello' });
	assert.equal(put.status, 502);
	assert.equal(String(await t.emu.emulator.projectFiles.read(A, 'uploads/ac.txt')), 'hello');
});

test('a seeded mix is reproducible: same seed, same faults in the same order', async () => {
	const mix = [
		{ status: 429, retryAfter: 1, weight: 2 },
		{ status: 503 },
		{ reset: true },
		{ reset: true, afterCommit: true },
		{ status: 502, afterCommit: true },
		{ status: 504, afterCommit: true, kind: 'proxy timeout after commit' },
	];
	const kinds = async () => {
		await t.control('DELETE', '/faults');
		await t.control('DELETE', '/requests');
		await t.control('POST', '/faults', { service: 'admin', probability: 0.5, seed: 42, mix });
		for (let i = 0; i < 40; i++) await getRaw(`${t.url}/admin/api/v1/orgs`);
		return (await t.control('GET', '/requests')).body.map((e) => e.faultKind ?? 'none');
	};
	const first = await kinds();
	const second = await kinds();
	assert.deepEqual(second, first);
	const fired = first.filter((k) => k !== 'none');
	assert.ok(fired.length > 8 && fired.length < 32, `about half fire (${fired.length})`);
	assert.ok(new Set(fired).size >= 4, `the mix is mixed: ${[...new Set(fired)].join(', ')}`);
	assert.ok(fired.includes('proxy timeout after commit'), 'a kind name is kept');
	assert.ok(fired.includes('429'));
	await t.control('POST', '/faults', { service: 'admin', probability: 0.5, seed: 7, mix });
	assert.equal((await t.control('POST', '/faults', { service: 'admin', mix: [] })).status, 400);
	assert.equal((await t.control('POST', '/faults', { service: 'admin', mix: [{ weight: 1 }] })).status, 400);
	assert.equal((await t.control('POST', '/faults', { service: 'admin', seed: 'x', status: 500 })).status, 400);
});

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

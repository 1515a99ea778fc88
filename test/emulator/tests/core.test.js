// Core behaviour shared by every service: routing, auth, X-Project-ID rules, validation,
// per-service schema, request log, control API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, rawRequest, A, B } from './client.js';
import { SERVICES } from '../core/spec.js';

let t;
before(async () => {
	t = await startEmulator();
});
after(() => t.emu.stop());

test('path prefix and Host header both pick the service', async () => {
	const byPath = await t.call('admin', 'GET', '/api/v1/orgs');
	assert.equal(byPath.status, 200);
	const byHost = await rawRequest(`${t.url}/api/v1/orgs`, { headers: { host: 'admin.example', authorization: 'Bearer flow-admin-token' } });
	assert.equal(byHost.status, 200);
	assert.deepEqual(JSON.parse(byHost.body), byPath.body);
	const hostPort = await rawRequest(`${t.url}/api/v1/pipelines`, { headers: { host: 'compute.localhost:4010', authorization: 'Bearer flow-admin-token' } });
	assert.equal(hostPort.status, 200);
});

test('unknown path → 404, wrong method → 405 with Allow', async () => {
	const r = await t.call('admin', 'GET', '/api/v1/nothing');
	assert.equal(r.status, 404);
	assert.deepEqual(r.body, { detail: 'Not Found' });
	const s = await t.call('nosuchservice', 'GET', '/api/v1/orgs');
	assert.equal(s.status, 404);
	const m = await t.call('admin', 'DELETE', '/api/v1/orgs');
	assert.equal(m.status, 405);
	assert.deepEqual(m.body, { detail: 'Method Not Allowed' });
	assert.equal(m.headers.get('allow'), 'GET');
});

test('401 for missing, unknown, malformed and expired tokens', async () => {
	for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic abc' }, { authorization: 'Bearer flow-expired-token' }]) {
		const r = await t.call('admin', 'GET', '/api/v1/projects', { as: null, headers });
		assert.equal(r.status, 401, JSON.stringify(headers));
		assert.deepEqual(r.body, { detail: 'Not authenticated' });
	}
});

test('X-Project-ID required: 400 when missing or not a UUID, 403 without access, 403 for viewer writes', async () => {
	const missing = await t.call('compute', 'GET', '/api/v1/runs');
	assert.equal(missing.status, 400);
	assert.match(missing.body.detail, /X-Project-ID/);
	assert.equal((await t.call('compute', 'GET', '/api/v1/runs', { project: 'not-a-uuid' })).status, 400);
	const noAccess = await t.call('compute', 'GET', '/api/v1/runs', { as: 'editor', project: B });
	assert.equal(noAccess.status, 403);
	const unknown = await t.call('compute', 'GET', '/api/v1/runs', { project: '00000000-0000-4000-8000-000000000000' });
	assert.equal(unknown.status, 403);
	const viewerRead = await t.call('compute', 'GET', '/api/v1/runs', { as: 'viewer', project: A });
	assert.equal(viewerRead.status, 200);
	const viewerWrite = await t.call('compute', 'POST', '/api/v1/runs', { as: 'viewer', project: A, body: { pipeline_id: 'x', params: {} } });
	assert.equal(viewerWrite.status, 403);
});

test('admin never needs X-Project-ID and ignores it', async () => {
	const r = await t.call('admin', 'GET', '/api/v1/projects', { project: 'garbage' });
	assert.equal(r.status, 200);
});

test('files take the project from header or project_id query; neither or both differing → 400', async () => {
	assert.equal((await t.call('files', 'GET', '/api/v1/files')).status, 400);
	assert.equal((await t.call('files', 'GET', '/api/v1/files', { query: { project_id: A } })).status, 200);
	assert.equal((await t.call('files', 'GET', '/api/v1/files', { project: A })).status, 200);
	assert.equal((await t.call('files', 'GET', '/api/v1/files', { project: A, query: { project_id: A } })).status, 200);
	const differ = await t.call('files', 'GET', '/api/v1/files', { project: A, query: { project_id: B } });
	assert.equal(differ.status, 400);
	assert.equal((await t.call('files', 'GET', '/api/v1/files', { as: 'editor', query: { project_id: B } })).status, 403);
});

test('422 FastAPI-style for body, query and path problems', async () => {
	const body = await t.call('compute', 'POST', '/api/v1/runs', { project: A, body: { params: [] } });
	assert.equal(body.status, 422);
	const locs = body.body.detail.map((d) => d.loc.join('.'));
	assert.ok(locs.includes('body.pipeline_id'), locs.join());
	assert.ok(locs.includes('body.params'), locs.join());
	const missing = body.body.detail.find((d) => d.loc.join('.') === 'body.pipeline_id');
	assert.equal(missing.type, 'missing');
	assert.equal(missing.msg, 'Field required');

	const enumErr = await t.call('compute', 'GET', '/api/v1/runs', { project: A, query: { status: 'done' } });
	assert.equal(enumErr.status, 422);
	assert.deepEqual(enumErr.body.detail[0].loc, ['query', 'status']);
	assert.equal(enumErr.body.detail[0].type, 'enum');
	assert.match(enumErr.body.detail[0].msg, /^Input should be 'queued', 'running', 'succeeded', 'failed' or 'cancelled'$/);

	const intErr = await t.call('compute', 'GET', '/api/v1/runs', { project: A, query: { limit: 'ten' } });
	assert.equal(intErr.status, 422);
	assert.equal(intErr.body.detail[0].type, 'int_parsing');
	const range = await t.call('compute', 'GET', '/api/v1/runs', { project: A, query: { limit: 0 } });
	assert.equal(range.body.detail[0].type, 'greater_than_equal');

	const path = await t.call('compute', 'GET', '/api/v1/runs/by-order/not-a-uuid');
	assert.equal(path.status, 422);
	assert.deepEqual(path.body.detail[0].loc, ['path', 'order_id']);

	const badJson = await t.call('compute', 'POST', '/api/v1/runs', { project: A, rawBody: '{oops', headers: { 'content-type': 'application/json' } });
	assert.equal(badJson.status, 422);
	assert.equal(badJson.body.detail[0].type, 'json_invalid');
	const noBody = await t.call('compute', 'POST', '/api/v1/runs', { project: A });
	assert.equal(noBody.status, 422);
	assert.deepEqual(noBody.body.detail[0].loc, ['body']);
});

test('401 comes before 400 and 422 (FastAPI dependency order)', async () => {
	const r = await t.call('compute', 'POST', '/api/v1/runs', { as: null, body: {} });
	assert.equal(r.status, 401);
	const r2 = await t.call('compute', 'POST', '/api/v1/runs', { body: {} });
	assert.equal(r2.status, 400);
});

test('every service serves its own openapi.json slice, /docs and /redoc without auth', async () => {
	for (const service of SERVICES) {
		const r = await t.call(service, 'GET', '/openapi.json', { as: null });
		assert.equal(r.status, 200, service);
		assert.equal(r.body.servers[0].url, `${t.url}/${service}`);
		const ops = Object.values(r.body.paths).flatMap((item) => Object.values(item).filter((o) => o && o.operationId));
		assert.ok(ops.length >= 3, `${service} has operations`);
		for (const op of ops) assert.ok(op.tags?.[0] === service || op.tags?.[0] === 'meta', `${service}: ${op.operationId} tagged ${op.tags}`);
		const docs = await t.call(service, 'GET', '/docs', { as: null });
		assert.equal(docs.status, 200);
		assert.match(docs.body, /<html/);
		assert.equal((await t.call(service, 'GET', '/redoc', { as: null })).status, 200);
	}
	const admin = await t.call('admin', 'GET', '/openapi.json', { as: null });
	assert.ok(admin.body.paths['/api/v1/orgs']);
	assert.ok(!admin.body.paths['/api/v1/runs']);
	assert.ok(admin.body.components.schemas.Organization);
	assert.ok(!admin.body.components.schemas.Run, 'components pruned to the service');
});

test('every spec operation of a loaded service has a handler', () => {
	const missing = t.emu.emulator.operations
		.filter((op) => op.service !== '*' && t.emu.emulator.modules.has(op.service))
		.filter((op) => !t.emu.emulator.modules.get(op.service).handlers[op.operationId])
		.map((op) => `${op.service} ${op.operationId}`);
	assert.deepEqual(missing, []);
	for (const s of ['admin', 'compute', 'files', 'audit']) assert.ok(t.emu.emulator.modules.has(s), s);
});

test('request log: service path, query, JSON body, status, token replaced by fixture name', async () => {
	await t.control('DELETE', '/requests');
	await t.call('compute', 'GET', '/api/v1/runs', { as: 'editor', project: A, query: { limit: 5 } });
	await t.call('compute', 'POST', '/api/v1/runs', { as: 'viewer', project: A, body: { pipeline_id: 'p', params: { a: 1 } } });
	await t.call('admin', 'GET', '/api/v1/orgs', { as: null, headers: { authorization: 'Bearer wrong-token' } });
	const log = (await t.control('GET', '/requests')).body;
	assert.equal(log.length, 3);
	assert.deepEqual(
		log.map((e) => [e.method, e.service, e.path, e.status]),
		[
			['GET', 'compute', '/api/v1/runs', 200],
			['POST', 'compute', '/api/v1/runs', 403],
			['GET', 'admin', '/api/v1/orgs', 401],
		],
	);
	assert.deepEqual(log[0].query, { limit: '5' });
	assert.equal(log[0].headers.authorization, 'Bearer <editor>');
	assert.equal(log[0].headers['x-project-id'], A);
	assert.deepEqual(log[1].body, { pipeline_id: 'p', params: { a: 1 } });
	assert.equal(log[1].headers.authorization, 'Bearer <viewer>');
	assert.equal(log[2].headers.authorization, 'Bearer <unknown>');
	assert.ok(!JSON.stringify(log).includes('flow-editor-token'));
	assert.ok(log[0].seq < log[1].seq);
	assert.equal((await t.control('GET', '/requests?service=admin')).body.length, 1);
	await t.control('DELETE', '/requests');
	assert.deepEqual((await t.control('GET', '/requests')).body, []);
});

test('FLOW_EMULATOR_LOG / logFile appends the log as JSON lines', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'emu-log-'));
	const file = join(dir, 'log.jsonl');
	const e = await startEmulator({ logFile: file });
	try {
		await e.call('admin', 'GET', '/api/v1/orgs');
		await e.call('admin', 'GET', '/api/v1/projects', { as: 'viewer' });
		const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
		assert.equal(lines.length, 2);
		assert.equal(lines[1].headers.authorization, 'Bearer <viewer>');
		assert.equal(lines[1].status, 200);
	} finally {
		await e.emu.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('control API: state dump, seed merge, reset', async () => {
	const state = (await t.control('GET', '/state')).body;
	assert.equal(state.projects.length, 2);
	assert.ok(!('token' in (await t.call('admin', 'GET', '/api/v1/projects')).body[0]));
	const seeded = await t.control('POST', '/seed', {
		projects: [{ id: 'c0000000-0000-4000-8000-00000000000c', name: 'Extra', slug: 'extra', org_id: state.orgs[0].id, bucket_name: 'extra-bucket' }],
		users: [{ id: state.users[1].id, project_roles: { [A]: 'editor', 'c0000000-0000-4000-8000-00000000000c': 'viewer' } }],
		files: { 'c0000000-0000-4000-8000-00000000000c': { 'docs/readme.txt': 'hello' } },
	});
	assert.equal(seeded.status, 200);
	const projects = await t.call('admin', 'GET', '/api/v1/projects', { as: 'editor' });
	assert.deepEqual(projects.body.map((p) => p.slug).sort(), ['extra', 'hereditary-panel-2026']);
	const list = await t.call('files', 'GET', '/api/v1/files', { as: 'editor', project: 'c0000000-0000-4000-8000-00000000000c', query: { path: 'docs' } });
	assert.equal(list.body.files[0].size, 5);
	assert.equal((await t.control('POST', '/reset')).status, 200);
	assert.deepEqual((await t.control('GET', '/requests')).body, [], 'reset clears the request log');
	assert.equal((await t.call('admin', 'GET', '/api/v1/projects', { as: 'editor' })).body.length, 1);
	assert.equal((await t.control('GET', '/nope')).status, 404);
});

test('reset with a seed body replaces the state', async () => {
	const seed = (await t.control('GET', '/state')).body;
	const small = { orgs: seed.orgs, projects: seed.projects.slice(0, 1), users: seed.users, pipelines: [] };
	await t.control('POST', '/reset', small);
	assert.equal((await t.call('admin', 'GET', '/api/v1/projects')).body.length, 1);
	assert.deepEqual((await t.call('compute', 'GET', '/api/v1/pipelines')).body, []);
	await t.control('POST', '/reset');
	assert.equal((await t.call('compute', 'GET', '/api/v1/pipelines')).body.length, 3);
});

test('clock control: read, switch mode, advance; bad input → 400', async () => {
	const c0 = (await t.control('GET', '/clock')).body;
	assert.equal(c0.mode, 'real');
	const manual = await t.control('POST', '/clock', { mode: 'manual' });
	assert.equal(manual.body.mode, 'manual');
	const before = Date.parse(manual.body.now);
	const adv = await t.control('POST', '/clock/advance', { ms: 60_000 });
	assert.equal(Date.parse(adv.body.now) - before, 60_000);
	assert.equal((await t.control('POST', '/clock', { mode: 'slow' })).status, 400);
	assert.equal((await t.control('POST', '/clock/advance', { ms: -1 })).status, 400);
	assert.equal((await t.control('POST', '/clock', { mode: 'real' })).body.mode, 'real');
	const later = Date.parse((await t.control('GET', '/clock')).body.now);
	assert.ok(later - before >= 60_000, 'real mode keeps the advanced time');
});

test('HEAD is answered like GET without a body; unknown control route → 404', async () => {
	const r = await fetch(`${t.url}/admin/api/v1/orgs`, { method: 'HEAD', headers: { authorization: 'Bearer flow-admin-token' } });
	assert.equal(r.status, 200);
	assert.equal(await r.text(), '');
	assert.equal((await t.control('POST', '/nothing-here')).status, 404);
});

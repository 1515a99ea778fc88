// Profiles (README "Profiles"): `documented` serves only what the published reference documents;
// `full` (default) keeps every x-inferred route, parameter and field.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startEmulator, startReceiver, A, HM_100 } from './client.js';
import { documentedOffBlock } from '../profile-surface.js';
import { OFF_BEGIN, OFF_END, documentedOff } from '../core/profile.js';

const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
const README = fileURLToPath(new URL('../README.md', import.meta.url));
const ANY_ID = '0d0e0a0d-0000-4000-8000-00000000beef';
const ROUTE_404 = { detail: 'Not Found' };
const ROUTE_405 = { detail: 'Method Not Allowed' };
const WHOLE_SECOND = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

let t;
before(async () => {
	t = await startEmulator({ clock: 'manual', profile: 'documented' });
});
after(() => t.emu.stop());
beforeEach(async () => {
	await t.control('POST', '/reset');
	await t.control('POST', '/profile', { profile: 'documented' });
});

const miner = (method, path, o = {}) => t.call('miner', method, `/api/v1${path}`, { project: A, ...o });
const advance = (ms) => t.control('POST', '/clock/advance', { ms });
const profile = (body) => t.control('POST', '/profile', body);
let n = 0;
const newOrder = async (extra = {}) => (await miner('POST', '/orders', { body: { display_id: `PRF-${++n}`, ...extra } })).body;
const newSubject = async () => (await miner('POST', '/subjects', { body: { display_id: `PRF-S-${++n}`, sex: 'female' } })).body;
const newSample = async (subject) => (await miner('POST', '/samples', { body: { display_id: `PRF-X-${++n}`, subject_id: subject.id, sample_type: 'germline' } })).body;

/** `files DELETE /api/v1/files/{x}` → a callable path with ids filled in. */
const routeOf = (key) => {
	const [service, method, path] = key.split(' ');
	return { service, method, path: path.replace(/\{[^}]+\}/g, ANY_ID) };
};
const offRoutes = () => documentedOff(t.emu.emulator.views.full, t.emu.emulator.views.documented).routes;

test('every x-inferred or overlay route is FastAPI route-404 in documented (405 where the path has another method) and works in full', async () => {
	const routes = offRoutes();
	assert.ok(routes.length >= 15, `${routes.length} routes`);
	for (const key of ['audit GET /api/v1/events', 'compute POST /api/v1/runs/{run_id}/cancel', 'files GET /api/v1/files/metadata', 'report GET /api/v1/reports', 'vcf GET /api/v1/orders/{order_id}/variants']) {
		assert.ok(routes.includes(key), key);
	}
	const samePathOtherMethod = new Set(['files DELETE /api/v1/files']);
	for (const key of routes) {
		const { service, method, path } = routeOf(key);
		const r = await t.call(service, method, path, { project: A, query: { path: 'x' }, body: method === 'GET' ? undefined : {} });
		if (samePathOtherMethod.has(key)) {
			assert.deepEqual([r.status, r.body], [405, ROUTE_405], key);
			assert.equal(r.headers.get('allow'), 'GET', key);
		} else assert.deepEqual([r.status, r.body], [404, ROUTE_404], key);
	}
	await profile({ profile: 'full' });
	for (const key of routes) {
		const { service, method, path } = routeOf(key);
		const r = await t.call(service, method, path, { project: A, query: { path: 'x' }, body: method === 'GET' ? undefined : {} });
		assert.ok(r.status !== 405 && !(r.status === 404 && r.body?.detail === 'Not Found'), `${key} → ${r.status} ${JSON.stringify(r.body)}`);
	}
});

test('documented routes still answer; an unknown path is route-404 in both profiles', async () => {
	assert.equal((await t.call('compute', 'GET', '/api/v1/runs', { project: A })).status, 200);
	assert.equal((await t.call('report', 'POST', `/${ANY_ID}/signoff/commit`)).status, 404); // handler 404: report unknown
	assert.notDeepEqual((await t.call('report', 'POST', `/${ANY_ID}/signoff/commit`)).body, ROUTE_404);
	assert.deepEqual((await t.call('miner', 'GET', '/api/v1/nothing-here')).body, ROUTE_404);
});

test('x-inferred and unknown query parameters are ignored: not rejected, not applied', async () => {
	for (let i = 0; i < 3; i++) {
		await newOrder({ mode: i === 0 ? 'somatic' : 'hereditary' });
		await advance(1000);
	}
	const first = (await miner('GET', '/orders')).body.map((o) => o.id);
	assert.equal(first.length, 3);
	for (const query of [{ offset: 2 }, { order: 'asc' }, { mode: 'somatic' }, { since: '2020-01-01T00:00:00Z' }, { bogus: 'x' }]) {
		const r = await miner('GET', '/orders', { query });
		assert.equal(r.status, 200, JSON.stringify(query));
		assert.deepEqual(r.body.map((o) => o.id), first, JSON.stringify(query));
	}
	// Invalid values of switched-off parameters are not validated either (full answers 422).
	assert.equal((await t.call('compute', 'GET', '/api/v1/runs', { project: A, query: { status: 'nope', offset: -1 } })).status, 200);
	// Documented parameters still apply and validate.
	assert.equal((await miner('GET', '/orders', { query: { limit: 1 } })).body.length, 1);
	assert.equal((await miner('GET', '/orders', { query: { limit: 0 } })).status, 422);

	await profile({ profile: 'full' });
	assert.equal((await miner('GET', '/orders', { query: { offset: 2 } })).body.length, 1);
	assert.equal((await miner('GET', '/orders', { query: { mode: 'somatic' } })).body.length, 1);
	assert.equal((await t.call('compute', 'GET', '/api/v1/runs', { project: A, query: { status: 'nope' } })).status, 422);
	const unknown = await miner('GET', '/orders', { query: { bogus: 'x' } });
	assert.equal(unknown.status, 200, 'full ignores parameters it does not know too');
});

test('ignored parameters: samples subject_id, subjects sex, files recursive/limit, credentials include_secrets', async () => {
	const s1 = await newSubject();
	const s2 = await newSubject();
	await newSample(s1);
	await newSample(s2);
	assert.equal((await miner('GET', '/samples', { query: { subject_id: s1.id } })).body.length, 2);
	assert.equal((await miner('GET', '/subjects', { query: { sex: 'male' } })).body.length, 2);
	await t.control('POST', '/seed', { files: { [A]: { 'p/a.txt': 'a', 'p/q/b.txt': 'b', 'p/c.txt': 'c' } } });
	const files = await t.call('files', 'GET', '/api/v1/files', { project: A, query: { path: 'p/', recursive: true, limit: 1 } });
	assert.deepEqual([files.body.folders.map((f) => f.name), files.body.files.map((f) => f.name)], [['p/q/'], ['p/a.txt', 'p/c.txt']]);
	const creds = await t.call('admin', 'GET', `/api/v1/projects/${A}/credentials`, { query: { include_secrets: true } });
	assert.equal(creds.status, 200);
	assert.ok(!('secrets' in creds.body), 'x-inferred field');
});

test('lists are newest first by created_at; records of the same second tie', async () => {
	const a = await newOrder();
	const b = await newOrder(); // same second as a
	await advance(1500);
	const c = await newOrder();
	for (const o of [a, b, c]) assert.match(o.created_at, WHOLE_SECOND);
	assert.equal(a.created_at, b.created_at, 'whole seconds: a tie');
	const list = (await miner('GET', '/orders')).body;
	assert.equal(list[0].id, c.id);
	const times = list.map((o) => Date.parse(o.created_at));
	assert.deepEqual(times, [...times].sort((x, y) => y - x));

	// Order samples come in link order in full, newest sample first in documented.
	const subject = await newSubject();
	const older = await newSample(subject);
	await advance(2000);
	const newer = await newSample(subject);
	await miner('POST', `/orders/${a.id}/samples`, { body: { sample_id: older.id } });
	await miner('POST', `/orders/${a.id}/samples`, { body: { sample_id: newer.id } });
	assert.deepEqual((await miner('GET', `/orders/${a.id}/samples`)).body.map((s) => s.id), [newer.id, older.id]);
	await profile({ profile: 'full' });
	assert.deepEqual((await miner('GET', `/orders/${a.id}/samples`)).body.map((s) => s.id), [older.id, newer.id]);
});

test('timestamps are whole seconds in documented, with milliseconds in full', async () => {
	await advance(123);
	const run = (await t.call('compute', 'POST', '/api/v1/runs', { project: A, body: { pipeline_id: HM_100, params: {} } })).body;
	assert.match(run.created_at, WHOLE_SECOND);
	assert.match((await t.control('GET', '/clock')).body.now, WHOLE_SECOND);
	await profile({ profile: 'full' });
	await advance(123);
	assert.match((await newOrder()).created_at, /\.\d{3}Z$/);
});

test('x-inferred fields: dropped from answers and from request bodies; no X-Total-Count', async () => {
	const subject = await newSubject();
	const sample = await newSample(subject);
	assert.ok(!('name' in sample) && !('project_id' in sample) && !('subject_display_id' in sample));
	// `samples` (link at creation) and `clinical_indication` are x-inferred: ignored.
	const order = await newOrder({ samples: [{ sample_id: sample.id }], clinical_indication: 'x', indication: 'y' });
	for (const f of ['allowed_transitions', 'sample_count', 'current_stage']) assert.ok(!(f in order), f);
	assert.equal(order.indication, 'y');
	assert.deepEqual((await miner('GET', `/orders/${order.id}/samples`)).body, []);
	const list = await miner('GET', '/orders');
	assert.equal(list.headers.get('x-total-count'), null);
	const upload = await t.call('files', 'POST', '/api/v1/files/upload-url', { project: A, body: { path: 'up/a.txt', content_type: 'text/plain' } });
	assert.deepEqual(Object.keys(upload.body), ['url']);
	// The path form's body (x-inferred) is ignored: the role stays the default.
	const s2 = await newSample(subject);
	const linked = await miner('POST', `/orders/${order.id}/samples/${s2.id}`, { body: { role: 'mother' }, query: { role: 'father' } });
	assert.equal(linked.status, 201);
	assert.equal(linked.body.role, 'proband');
	// The state behind it is untouched: full shows the fields again.
	await profile({ profile: 'full' });
	const again = (await miner('GET', `/orders/${order.id}`)).body;
	assert.ok(Array.isArray(again.allowed_transitions));
	assert.equal((await miner('GET', '/orders')).headers.get('x-total-count'), '1');
});

test('/openapi.json: documented serves only the reference slice, full everything', async () => {
	const spec = async (service) => (await t.call(service, 'GET', '/openapi.json', { as: null })).body;
	const paramNames = (doc, path, method) => {
		const item = doc.paths[path];
		return [...(item.parameters ?? []), ...(item[method].parameters ?? [])].map((p) => p.name);
	};
	const collect = (doc) => {
		const ops = Object.values(doc.paths).flatMap((item) => Object.values(item).filter((o) => o && o.operationId));
		return { ops, ids: ops.map((o) => o.operationId) };
	};
	const docs = {};
	for (const s of ['miner', 'compute', 'files', 'vcf', 'audit', 'report']) docs[s] = await spec(s);
	assert.ok(!paramNames(docs.miner, '/api/v1/orders', 'get').includes('offset'));
	assert.ok(paramNames(docs.miner, '/api/v1/orders', 'get').includes('limit'));
	assert.ok(!paramNames(docs.compute, '/api/v1/runs', 'get').includes('status'));
	assert.deepEqual(paramNames(docs.files, '/api/v1/files', 'get').sort(), ['X-Project-ID', 'path', 'project_id']);
	assert.deepEqual(Object.keys(docs.vcf.paths).sort(), ['/docs', '/openapi.json', '/redoc']);
	assert.deepEqual(Object.keys(docs.audit.paths).sort(), ['/docs', '/openapi.json', '/redoc']);
	assert.ok(!Object.keys(docs.report.paths).some((p) => p.startsWith('/api/v1/')));
	assert.ok(!docs.files.paths['/api/v1/files'].delete);
	assert.ok(!docs.miner.components.schemas.Order.properties.allowed_transitions);
	assert.ok(!docs.miner.components.schemas.Order.properties.sample_count);
	/** Where x-inferred marks are left: only on whole component schemas documented routes use. */
	const marks = (node, path = []) =>
		!node || typeof node !== 'object' ? [] : [...(node['x-inferred'] ? [path.join('/')] : []), ...Object.entries(node).flatMap(([k, v]) => marks(v, [...path, k]))];
	for (const s of Object.keys(docs)) {
		for (const m of marks(docs[s])) assert.match(m, /^components\/schemas\/[A-Za-z]+$/, `${s}: ${m}`);
		assert.ok(!JSON.stringify(docs[s]).includes('#/components/parameters/'), `${s}: parameters written out`);
		for (const op of collect(docs[s]).ops) for (const p of op.parameters ?? []) assert.ok(p.name && p.in, `${s} ${op.operationId}`);
	}

	await profile({ profile: 'full' });
	const full = await spec('miner');
	assert.ok(paramNames(full, '/api/v1/orders', 'get').includes('offset'));
	assert.ok(full.components.schemas.Order.properties.allowed_transitions);
	assert.ok(collect(await spec('vcf')).ids.includes('listOrderVariants'));
	assert.ok(paramNames(await spec('compute'), '/api/v1/runs', 'get').includes('pipeline_id'));
	assert.ok((await spec('files')).paths['/api/v1/files'].delete);
});

test('maxPageSize caps every list with limit, in either profile; the control call sets it', async () => {
	for (let i = 0; i < 4; i++) await newSubject();
	assert.equal((await miner('GET', '/subjects', { query: { limit: 100 } })).body.length, 4);
	assert.deepEqual((await profile({ profile: 'documented', maxPageSize: 2 })).body, { profile: 'documented', maxPageSize: 2 });
	assert.equal((await miner('GET', '/subjects', { query: { limit: 100 } })).body.length, 2);
	assert.equal((await miner('GET', '/subjects')).body.length, 2);
	assert.equal((await miner('GET', '/subjects', { query: { limit: 1 } })).body.length, 1);
	await profile({ profile: 'full', maxPageSize: 3 });
	const capped = await miner('GET', '/subjects', { query: { limit: 1000 } });
	assert.equal(capped.body.length, 3);
	assert.equal(capped.headers.get('x-total-count'), '4');
	assert.equal((await profile({ profile: 'full' })).body.maxPageSize, null, 'absent = no cap');
	assert.equal((await miner('GET', '/subjects')).body.length, 4);
});

test('control: GET/POST /_emulator/profile switch live; reset keeps the profile; bad input → 400', async () => {
	assert.deepEqual((await t.control('GET', '/profile')).body, { profile: 'documented', maxPageSize: null });
	assert.equal((await t.call('vcf', 'GET', `/api/v1/orders/${ANY_ID}/cache`, { project: A })).status, 404);
	await profile({ profile: 'full' });
	assert.deepEqual((await t.control('GET', '/profile')).body, { profile: 'full', maxPageSize: null });
	assert.equal(t.emu.profile, 'full');
	assert.deepEqual((await t.call('vcf', 'GET', `/api/v1/orders/${ANY_ID}/cache`, { project: A })).body, { detail: 'Order not found' });
	await profile({ profile: 'documented', maxPageSize: 5 });
	await t.control('POST', '/reset');
	assert.deepEqual((await t.control('GET', '/profile')).body, { profile: 'documented', maxPageSize: 5 });
	assert.equal((await profile({ profile: 'everything' })).status, 400);
	assert.equal((await profile({ profile: 'full', maxPageSize: 0 })).status, 400);
	assert.equal((await profile(undefined)).status, 400);
	assert.ok((await t.control('GET', '/')).body.routes.includes('GET|POST /profile'));
});

test('run callbacks: sent on failure in documented, not on cancel (the reference confirms completion/failure only)', async () => {
	const rx = await startReceiver();
	try {
		const submit = (params) => t.call('compute', 'POST', '/api/v1/runs', { project: A, body: { pipeline_id: HM_100, params, callback_url: rx.url } });
		const failed = (await submit({ __emulator_outcome: 'failed' })).body;
		const cancelled = (await submit({})).body;
		assert.equal((await t.call('compute', 'DELETE', `/api/v1/runs/${cancelled.id}`)).status, 204);
		await advance(12_000);
		await rx.waitFor(1);
		await new Promise((r) => setTimeout(r, 200));
		assert.deepEqual(rx.received.map((g) => g.body.run_id), [failed.id]);
	} finally {
		await rx.close();
	}
});

test('README "Profiles" lists exactly what the spec switches off', () => {
	const readme = readFileSync(README, 'utf8');
	const from = readme.indexOf(OFF_BEGIN);
	const to = readme.indexOf(OFF_END);
	assert.ok(from >= 0 && to > from, 'README has the generated block');
	assert.equal(readme.slice(from, to + OFF_END.length), documentedOffBlock(), 'regenerate with: node test/emulator/profile-surface.js');
});

/** Start the CLI; resolves with its control answer for GET /profile, then stops it. */
async function cliProfile(args, env = {}) {
	const child = spawn(process.execPath, [CLI, '--port', '0', '--exit-on-stdin-close', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
	try {
		const line = await new Promise((resolve, reject) => {
			createInterface({ input: child.stdout }).once('line', resolve);
			child.once('exit', (code) => reject(new Error(`exit ${code}`)));
		});
		const url = /(http:\/\/\S+)/.exec(line)[1];
		return await (await fetch(`${url}/_emulator/profile`)).json();
	} finally {
		child.kill('SIGTERM');
	}
}

test('CLI: --profile and --max-page-size, FLOW_EMULATOR_PROFILE as the default, bad values exit 2', async () => {
	assert.deepEqual(await cliProfile([], { FLOW_EMULATOR_PROFILE: '' }), { profile: 'full', maxPageSize: null });
	assert.deepEqual(await cliProfile([], { FLOW_EMULATOR_PROFILE: 'documented' }), { profile: 'documented', maxPageSize: null });
	assert.deepEqual(await cliProfile(['--profile', 'full', '--max-page-size', '7'], { FLOW_EMULATOR_PROFILE: 'documented' }), { profile: 'full', maxPageSize: 7 });
	for (const bad of [['--profile', 'nope'], ['--max-page-size', '0']]) {
		const child = spawn(process.execPath, [CLI, '--port', '0', ...bad], { stdio: 'ignore' });
		const [code] = await new Promise((r) => child.once('exit', (...a) => r(a)));
		assert.equal(code, 2, bad.join(' '));
	}
});

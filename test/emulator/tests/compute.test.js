// Compute service (docs/flow-api.md §7): pipelines, runs, lifecycle on the clock, outputs, callback, cancel.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { startEmulator, startReceiver, A, B, HM_100, HM_110, NF_010 } from './client.js';

let t;
before(async () => {
	t = await startEmulator({ clock: 'manual' });
});
after(() => t.emu.stop());
beforeEach(() => t.control('POST', '/reset'));

const submit = (body, o = {}) => t.call('compute', 'POST', '/api/v1/runs', { project: A, body, ...o });
const getRun = (id) => t.call('compute', 'GET', `/api/v1/runs/${id}`);
const advance = (ms) => t.control('POST', '/clock/advance', { ms });

test('pipelines: list active, by id, by slug (latest = highest semver, or ?version), versions', async () => {
	const list = await t.call('compute', 'GET', '/api/v1/pipelines');
	assert.equal(list.status, 200);
	assert.deepEqual(list.body.map((p) => `${p.slug}@${p.version}`).sort(), ['hereditary-mock@1.0.0', 'hereditary-mock@1.1.0', 'nextflow-minimal@0.1.0']);
	assert.ok(!('meta' in list.body[0]), 'emulator-only fields hidden');
	assert.equal((await t.call('compute', 'GET', `/api/v1/pipelines/${HM_100}`)).body.version, '1.0.0');
	assert.equal((await t.call('compute', 'GET', '/api/v1/pipelines/nope')).status, 404);
	assert.equal((await t.call('compute', 'GET', '/api/v1/pipelines/slug/hereditary-mock')).body.id, HM_110);
	assert.equal((await t.call('compute', 'GET', '/api/v1/pipelines/slug/hereditary-mock', { query: { version: '1.0.0' } })).body.id, HM_100);
	assert.equal((await t.call('compute', 'GET', '/api/v1/pipelines/slug/hereditary-mock', { query: { version: '9.9.9' } })).status, 404);
	assert.equal((await t.call('compute', 'GET', '/api/v1/pipelines/slug/unknown')).status, 404);
	const versions = await t.call('compute', 'GET', '/api/v1/pipelines/slug/hereditary-mock/versions');
	assert.deepEqual(versions.body.map((p) => p.version), ['1.1.0', '1.0.0']);
	assert.deepEqual((await t.call('compute', 'GET', '/api/v1/pipelines/slug/unknown/versions')).body, []);
	assert.equal((await t.call('compute', 'GET', '/api/v1/pipelines', { query: { slug: 'nextflow-minimal' } })).body[0].id, NF_010);
});

test('POST /pipelines: 201, 409 "already exists" unless force, 403 for non-admins, 422 bad body', async () => {
	const body = { name: 'Panel X', slug: 'panel-x', version: '2.0.0', source_type: 'gitlab', source_url: 'https://gitlab.example.org/x.wdl' };
	const created = await t.call('compute', 'POST', '/api/v1/pipelines', { body });
	assert.equal(created.status, 201);
	assert.equal(created.body.execution_mode, 'direct_wdl');
	assert.equal(created.body.default_profile, 'local');
	assert.equal(created.body.scope, 'global');
	assert.equal(created.body.is_active, true);
	assert.deepEqual(created.body.tags, []);
	const dup = await t.call('compute', 'POST', '/api/v1/pipelines', { body });
	assert.equal(dup.status, 409);
	assert.match(dup.body.detail, /already exists/);
	const forced = await t.call('compute', 'POST', '/api/v1/pipelines', { body: { ...body, description: 'v2', force: true } });
	assert.equal(forced.status, 200);
	assert.equal(forced.body.id, created.body.id);
	assert.equal(forced.body.description, 'v2');
	assert.equal((await t.call('compute', 'POST', '/api/v1/pipelines', { as: 'editor', body: { ...body, version: '3.0.0' } })).status, 403);
	const bad = await t.call('compute', 'POST', '/api/v1/pipelines', { body: { ...body, slug: 'Bad Slug', source_type: 'svn' } });
	assert.equal(bad.status, 422);
	assert.deepEqual(bad.body.detail.map((d) => d.loc.join('.')).sort(), ['body.slug', 'body.source_type']);
	const ev = await t.call('audit', 'GET', '/api/v1/events', { query: { entity_type: 'pipeline' } });
	assert.deepEqual(ev.body.map((e) => e.action), ['pipeline.update', 'pipeline.create']);
});

test('run lifecycle on the manual clock: queued → running → succeeded with outputs in the bucket', async () => {
	const r = await submit({ pipeline_id: HM_100, params: { case_id: 'patient-001' }, tags: ['lis'] });
	assert.equal(r.status, 201);
	assert.equal(r.body.status, 'queued');
	assert.equal(r.body.project_id, A);
	assert.equal(r.body.pipeline_slug, 'hereditary-mock');
	assert.match(r.body.name, /^hereditary-mock-\d{8}-\d{6}$/);
	assert.equal(r.body.started_at, null);
	const id = r.body.id;
	const early = await t.call('compute', 'GET', `/api/v1/runs/${id}/outputs`);
	assert.deepEqual(early.body, { outputs: [], message: 'Run has not completed' });

	await advance(2000);
	const running = (await getRun(id)).body;
	assert.equal(running.status, 'running');
	assert.ok(running.started_at);
	assert.match(running.job_id, /^cromwell-/);

	await advance(10_000);
	const done = (await getRun(id)).body;
	assert.equal(done.status, 'succeeded');
	assert.equal(done.output_path, `gs://bgl-hereditary-2026/analyses/run-${id.slice(0, 8)}/`);
	assert.equal(Date.parse(done.finished_at) - Date.parse(done.started_at), 10_000);

	const outputs = (await t.call('compute', 'GET', `/api/v1/runs/${id}/outputs`)).body;
	assert.equal(outputs.message, null);
	assert.deepEqual(outputs.outputs.map((o) => o.name), ['annotated_vcf_gz', 'report', 'top20_tsv']);
	const vcf = outputs.outputs[0];
	const key = vcf.path.replace('gs://bgl-hereditary-2026/', '');
	const dl = await t.call('files', 'GET', '/api/v1/files/download-url', { project: A, query: { path: key } });
	const bytes = Buffer.from(await (await fetch(dl.body.url)).arrayBuffer());
	assert.match(gunzipSync(bytes).toString(), /^##fileformat=VCFv4\.2/);
	const actions = (await t.call('audit', 'GET', '/api/v1/events', { query: { entity_id: id, order: 'asc' } })).body.map((e) => e.action);
	assert.deepEqual(actions, ['run.create', 'run.start', 'run.succeeded']);
});

test('submit errors: 404 unknown pipeline, 409 inactive, 422 bad outcome, 404 unknown order', async () => {
	assert.equal((await submit({ pipeline_id: 'nope', params: {} })).status, 404);
	await t.control('POST', '/seed', { pipelines: [{ id: 'old-pipeline', name: 'Old', slug: 'old', version: '0.1.0', source_type: 'gitlab', default_profile: 'local', execution_mode: 'direct_wdl', scope: 'global', is_active: false }] });
	const inactive = await submit({ pipeline_id: 'old-pipeline', params: {} });
	assert.equal(inactive.status, 409);
	const bad = await submit({ pipeline_id: HM_100, params: { __emulator_outcome: 'exploded' } });
	assert.equal(bad.status, 422);
	assert.deepEqual(bad.body.detail[0].loc, ['body', 'params', '__emulator_outcome']);
	assert.equal((await submit({ pipeline_id: HM_100, params: {}, order_id: '00000000-0000-4000-8000-000000000000' })).status, 404);
	assert.equal((await submit({ pipeline_id: HM_100, params: {}, callback_url: 'not a url' })).status, 422);
	assert.equal((await submit({ pipeline_id: HM_100, params: {} }, { as: 'editor' })).status, 201);
});

test('failed outcome from params; outputs stay empty with a message', async () => {
	const r = await submit({ pipeline_id: HM_100, params: { __emulator_outcome: 'failed', __emulator_duration_ms: 500 } });
	await advance(2500);
	const run = (await getRun(r.body.id)).body;
	assert.equal(run.status, 'failed');
	assert.match(run.error_message, /failed/);
	assert.equal(run.output_path, null);
	assert.deepEqual((await t.call('compute', 'GET', `/api/v1/runs/${run.id}/outputs`)).body, { outputs: [], message: 'Run failed; no outputs' });
});

test('control route sets the outcome at once', async () => {
	const r = await submit({ pipeline_id: HM_100, params: {} });
	const c = await t.control('POST', `/runs/${r.body.id}/outcome`, { outcome: 'failed', error_message: 'Out of memory' });
	assert.equal(c.status, 200);
	const run = (await getRun(r.body.id)).body;
	assert.equal(run.status, 'failed');
	assert.equal(run.error_message, 'Out of memory');
	assert.equal((await t.control('POST', `/runs/${r.body.id}/outcome`, { outcome: 'succeeded' })).status, 409);
	assert.equal((await t.control('POST', '/runs/nope/outcome', { outcome: 'succeeded' })).status, 404);
	const r2 = await submit({ pipeline_id: HM_100, params: {} });
	await t.control('POST', `/runs/${r2.body.id}/outcome`, { outcome: 'succeeded' });
	assert.equal((await getRun(r2.body.id)).body.status, 'succeeded');
});

test('nextflow runs succeed with output_path but no semantic outputs', async () => {
	const r = await submit({ pipeline_id: NF_010, params: {} });
	await advance(12_000);
	const run = (await getRun(r.body.id)).body;
	assert.equal(run.status, 'succeeded');
	assert.match(run.job_id, /^nf-/);
	assert.ok(run.output_path);
	const out = (await t.call('compute', 'GET', `/api/v1/runs/${run.id}/outputs`)).body;
	assert.deepEqual(out.outputs, []);
	assert.match(out.message, /WDL/);
});

test('cancel: DELETE → 204, POST /cancel → 200 with the run, terminal → 409, viewer → 403', async () => {
	const r1 = await submit({ pipeline_id: HM_100, params: {} });
	const del = await t.call('compute', 'DELETE', `/api/v1/runs/${r1.body.id}`);
	assert.equal(del.status, 204);
	assert.equal(del.body, '');
	const c1 = (await getRun(r1.body.id)).body;
	assert.equal(c1.status, 'cancelled');
	assert.ok(c1.finished_at);
	assert.equal((await t.call('compute', 'DELETE', `/api/v1/runs/${r1.body.id}`)).status, 409);

	const r2 = await submit({ pipeline_id: HM_100, params: {} });
	await advance(2000);
	assert.equal((await t.call('compute', 'DELETE', `/api/v1/runs/${r2.body.id}`, { as: 'viewer' })).status, 403);
	const post = await t.call('compute', 'POST', `/api/v1/runs/${r2.body.id}/cancel`, { as: 'editor' });
	assert.equal(post.status, 200);
	assert.equal(post.body.status, 'cancelled');
	await advance(20_000);
	assert.equal((await getRun(r2.body.id)).body.status, 'cancelled', 'the clock does not revive it');
	assert.equal((await t.call('compute', 'POST', `/api/v1/runs/${r2.body.id}/cancel`)).status, 409);
	assert.equal((await t.call('compute', 'DELETE', '/api/v1/runs/unknown')).status, 404);
	const ev = (await t.call('audit', 'GET', '/api/v1/events', { query: { entity_id: r2.body.id, action: 'run.cancel' } })).body;
	assert.equal(ev.length, 1);
	assert.equal(ev[0].actor_email, 'eric.editor@baltic-genomics.example');
});

test('GET /runs: newest first, filters, limit/offset, list view without project_id', async () => {
	const ids = [];
	for (let i = 0; i < 3; i++) {
		ids.push((await submit({ pipeline_id: i === 2 ? NF_010 : HM_100, params: {} })).body.id);
		await advance(1);
	}
	await t.control('POST', `/runs/${ids[0]}/outcome`, { outcome: 'failed' });
	const all = (await t.call('compute', 'GET', '/api/v1/runs', { project: A })).body;
	assert.deepEqual(all.map((r) => r.id), [...ids].reverse());
	assert.ok(!('project_id' in all[0]));
	const page = await t.call('compute', 'GET', '/api/v1/runs', { project: A, query: { limit: 1, offset: 1 } });
	assert.deepEqual(page.body.map((r) => r.id), [ids[1]]);
	assert.equal(page.headers.get('x-total-count'), '3');
	assert.deepEqual((await t.call('compute', 'GET', '/api/v1/runs', { project: A, query: { status: 'failed' } })).body.map((r) => r.id), [ids[0]]);
	assert.deepEqual((await t.call('compute', 'GET', '/api/v1/runs', { project: A, query: { pipeline_id: NF_010 } })).body.map((r) => r.id), [ids[2]]);
	assert.deepEqual((await t.call('compute', 'GET', '/api/v1/runs', { project: B })).body, []);
});

test('run detail with X-Project-ID of another project → 404; without header → 200; no access → 404', async () => {
	const r = await submit({ pipeline_id: HM_100, params: {} });
	assert.equal((await t.call('compute', 'GET', `/api/v1/runs/${r.body.id}`, { project: B })).status, 404);
	assert.equal((await t.call('compute', 'GET', `/api/v1/runs/${r.body.id}`, { project: A })).status, 200);
	assert.equal((await t.call('compute', 'GET', `/api/v1/runs/${r.body.id}/outputs`, { project: B })).status, 404);
	const other = await submit({ pipeline_id: HM_100, params: {} }, { project: B });
	assert.equal((await t.call('compute', 'GET', `/api/v1/runs/${other.body.id}`, { as: 'editor' })).status, 404);
});

test('runs by order', async () => {
	const order = await t.call('miner', 'POST', '/api/v1/orders', { project: A, body: { display_id: 'ORD-RUNS-1' } });
	assert.equal(order.status, 201, JSON.stringify(order.body));
	const r1 = await submit({ pipeline_id: HM_100, params: {}, order_id: order.body.id });
	await advance(1);
	const r2 = await submit({ pipeline_id: HM_110, params: {}, order_id: order.body.id });
	await submit({ pipeline_id: HM_110, params: {} });
	const list = await t.call('compute', 'GET', `/api/v1/runs/by-order/${order.body.id}`);
	assert.deepEqual(list.body.map((r) => r.id), [r2.body.id, r1.body.id]);
	assert.equal(list.body[0].project_id, A);
	assert.deepEqual((await t.call('compute', 'GET', `/api/v1/runs/by-order/${order.body.id}`, { project: B })).body, []);
	assert.deepEqual((await t.call('compute', 'GET', '/api/v1/runs/by-order/00000000-0000-4000-8000-000000000000')).body, []);
	assert.deepEqual((await t.call('compute', 'GET', '/api/v1/runs', { project: A, query: { order_id: order.body.id } })).body.length, 2);
});

test('callback: POSTed once per terminal state with signed output URLs, retried after failures', async () => {
	const rx = await startReceiver({ fail: 2 });
	try {
		const r = await submit({ pipeline_id: HM_100, params: { case_id: 'P1' }, tags: ['lis'], callback_url: rx.url });
		await advance(12_000);
		const got = await rx.waitFor(3);
		assert.deepEqual(got.map((g) => g.status), [500, 500, 200]);
		const { headers, body } = got[2];
		assert.equal(headers['x-flow-event'], 'run.succeeded');
		assert.equal(headers['content-type'], 'application/json');
		assert.equal(headers.authorization, undefined);
		assert.equal(body.event, 'run.succeeded');
		assert.equal(body.run_id, r.body.id);
		assert.equal(body.status, 'succeeded');
		assert.equal(body.project_id, A);
		assert.equal(body.pipeline_slug, 'hereditary-mock');
		assert.equal(body.pipeline_version, '1.0.0');
		assert.deepEqual(body.tags, ['lis']);
		assert.equal(body.outputs.length, 3);
		const report = body.outputs.find((o) => o.name === 'report');
		assert.ok(report.signed_url_expires_at);
		const html = await (await fetch(report.signed_url)).text();
		assert.match(html, /<h1>Report<\/h1>/);
		assert.equal(got[0].headers['x-flow-delivery'], got[2].headers['x-flow-delivery']);
		const deliveries = (await t.control('GET', '/callbacks')).body;
		assert.deepEqual(deliveries.map((d) => d.attempt), [1, 2, 3]);
		await new Promise((res) => setTimeout(res, 400));
		assert.equal(rx.received.length, 3, 'no more deliveries after a 2xx');
	} finally {
		await rx.close();
	}
});

test('callback on failure and on cancel carries no outputs', async () => {
	const rx = await startReceiver();
	try {
		const failed = await submit({ pipeline_id: HM_100, params: { __emulator_outcome: 'failed' }, callback_url: rx.url });
		const cancelled = await submit({ pipeline_id: HM_100, params: {}, callback_url: rx.url });
		await t.call('compute', 'DELETE', `/api/v1/runs/${cancelled.body.id}`);
		await advance(12_000);
		const got = await rx.waitFor(2);
		const byRun = Object.fromEntries(got.map((g) => [g.body.run_id, g]));
		assert.equal(byRun[cancelled.body.id].body.event, 'run.cancelled');
		assert.equal(byRun[failed.body.id].headers['x-flow-event'], 'run.failed');
		assert.ok(byRun[failed.body.id].body.error_message);
		assert.deepEqual(byRun[failed.body.id].body.outputs, []);
	} finally {
		await rx.close();
	}
});

test('fast clock: runs finish without advancing', async () => {
	await t.control('POST', '/clock', { mode: 'fast' });
	try {
		const r = await submit({ pipeline_id: HM_110, params: {} });
		let run;
		for (let i = 0; i < 200; i++) {
			run = (await getRun(r.body.id)).body;
			if (run.status === 'succeeded') break;
			await new Promise((res) => setTimeout(res, 10));
		}
		assert.equal(run.status, 'succeeded');
		const out = (await t.call('compute', 'GET', `/api/v1/runs/${run.id}/outputs`)).body.outputs;
		assert.ok(out.some((o) => o.name === 'qc_summary' && o.path.endsWith('/qc/summary.json')));
	} finally {
		await t.control('POST', '/clock', { mode: 'manual' });
	}
});

test('callback mode once: each callback is sent exactly once, never retried; kept across resets', async () => {
	assert.deepEqual((await t.control('GET', '/callbacks/mode')).body, { mode: 'retry' });
	assert.equal((await t.control('POST', '/callbacks/mode', { mode: 'sometimes' })).status, 400);
	assert.deepEqual((await t.control('POST', '/callbacks/mode', { mode: 'once' })).body, { mode: 'once' });
	const rx = await startReceiver({ fail: 5 });
	try {
		await t.control('POST', '/reset');
		assert.deepEqual((await t.control('GET', '/callbacks/mode')).body, { mode: 'once' });
		await submit({ pipeline_id: HM_100, params: {}, callback_url: rx.url });
		await advance(12_000);
		await rx.waitFor(1);
		await new Promise((res) => setTimeout(res, 500)); // the short back-off would have retried by now
		assert.equal(rx.received.length, 1, 'a refused callback is not sent again');
		assert.deepEqual((await t.control('GET', '/callbacks')).body.map((d) => [d.attempt, d.status]), [[1, 500]]);
	} finally {
		await t.control('POST', '/callbacks/mode', { mode: 'retry' });
		await rx.close();
	}
});

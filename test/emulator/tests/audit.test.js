// Audit service: the x-inferred event feed, recorded for writes in every service.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, A, B, HM_100 } from './client.js';

let t;
before(async () => {
	t = await startEmulator({ clock: 'manual' });
	await t.call('compute', 'POST', '/api/v1/runs', { project: A, body: { pipeline_id: HM_100, params: {} } });
	await t.call('compute', 'POST', '/api/v1/runs', { project: B, body: { pipeline_id: HM_100, params: {} } });
	await t.call('admin', 'PUT', '/api/v1/users/me/default-context', { as: 'editor', body: { project_id: A } });
	await t.call('miner', 'POST', '/api/v1/subjects', { project: A, as: 'editor', body: { display_id: 'SUB-AUDIT-1' } });
});
after(() => t.emu.stop());

const events = (query = {}, o = {}) => t.call('audit', 'GET', '/api/v1/events', { query, ...o });

test('events carry the AuditEvent fields, newest first', async () => {
	const r = await events();
	assert.equal(r.status, 200);
	assert.ok(r.body.length >= 4);
	const e = r.body.at(-1);
	for (const k of ['id', 'occurred_at', 'actor_id', 'actor_email', 'action', 'entity_type', 'entity_id', 'project_id', 'changes', 'ip']) assert.ok(k in e, k);
	const times = r.body.map((x) => x.occurred_at);
	assert.deepEqual(times, [...times].sort().reverse());
	assert.equal(new Set(times).size, times.length, 'timestamps are unique');
});

test('writes of other services are recorded too (miner subject create)', async () => {
	const r = await events({ entity_type: 'subject' });
	assert.equal(r.body.length, 1);
	assert.equal(r.body[0].actor_email, 'eric.editor@baltic-genomics.example');
	assert.equal(r.body[0].project_id, A);
});

test('filters: entity_type, entity_id, user_id, actor, action, project, from/to', async () => {
	const runs = (await events({ entity_type: 'run' })).body;
	assert.equal(runs.length, 2);
	assert.deepEqual((await events({ entity_id: runs[0].entity_id })).body.map((e) => e.id), [runs[0].id]);
	const editorId = (await t.control('GET', '/state')).body.users.find((u) => u.fixture === 'editor').id;
	const byEditor = (await events({ user_id: editorId })).body;
	assert.ok(byEditor.length >= 2 && byEditor.every((e) => e.actor_id === editorId));
	assert.deepEqual((await events({ actor: 'eric.editor@baltic-genomics.example' })).body.map((e) => e.id), byEditor.map((e) => e.id));
	assert.equal((await events({ action: 'run.create' })).body.length, 2);
	assert.deepEqual((await events({ entity_type: 'run' }, { project: B })).body.map((e) => e.project_id), [B]);
	assert.deepEqual((await events({ entity_type: 'run', project_id: A })).body.map((e) => e.project_id), [A]);
	const all = (await events({ order: 'asc' })).body;
	const mid = all[1].occurred_at;
	assert.deepEqual((await events({ order: 'asc', from: mid, to: mid })).body.map((e) => e.id), [all[1].id]);
	assert.equal((await events({ from: 'yesterday' })).status, 422);
});

test('order=asc + since pages forward without repeats; limit/offset', async () => {
	const all = (await events({ order: 'asc' })).body;
	const seen = [];
	let since;
	for (;;) {
		const page = (await events({ order: 'asc', limit: 2, ...(since ? { since } : {}) })).body;
		if (!page.length) break;
		seen.push(...page.map((e) => e.id));
		since = page.at(-1).occurred_at;
	}
	assert.deepEqual(seen, all.map((e) => e.id));
	const desc = (await events()).body;
	assert.deepEqual((await events({ limit: 1, offset: 1 })).body.map((e) => e.id), [desc[1].id]);
});

test('visibility: only projects the caller has a role in; 403 when asking for another project', async () => {
	const editor = (await events({}, { as: 'editor' })).body;
	assert.ok(editor.every((e) => e.project_id === A || (e.project_id === null && e.actor_email === 'eric.editor@baltic-genomics.example')));
	assert.equal((await events({}, { as: 'editor', project: B })).status, 403);
	assert.equal((await events({ project_id: B }, { as: 'editor' })).status, 403);
	assert.equal((await events({}, { as: null })).status, 401);
});

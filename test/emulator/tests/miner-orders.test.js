// Miner orders over real HTTP: CRUD, legacy spellings, filters, sample links, labflows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEmulator, uniqueId } from './miner-http.js';

const { emu, call } = useEmulator();

const miner = (method, path, o) => call('miner', method, `/api/v1${path}`, o);

async function newOrder(extra = {}, o = {}) {
	const res = await miner('POST', '/orders', { body: { display_id: uniqueId('ORD'), ...extra }, ...o });
	assert.equal(res.status, 201, JSON.stringify(res.body));
	return res.body;
}
async function newSample() {
	const subject = await miner('POST', '/subjects', { body: { display_id: uniqueId('SUB'), sex: 'male' } });
	const sample = await miner('POST', '/samples', { body: { subject_id: subject.body.id, display_id: uniqueId('SAM') } });
	assert.equal(sample.status, 201);
	return sample.body;
}
const move = (order, status, as = 'admin') => miner('POST', `/orders/${order.id}/transition`, { as, body: { status } });

test('order: create with defaults, both indication names, allowed_transitions', async () => {
	const order = await newOrder({ indication: 'Suspected BRCA1', ordering_provider: 'Dr. X', tags: ['wes'] });
	assert.equal(order.status, 'created');
	assert.equal(order.priority, 'medium');
	assert.equal(order.mode, 'hereditary');
	assert.equal(order.name, order.display_id);
	assert.equal(order.indication, 'Suspected BRCA1');
	assert.equal(order.clinical_indication, 'Suspected BRCA1');
	assert.deepEqual(order.allowed_transitions, ['analyzing', 'cancelled']);
	assert.equal(order.sample_count, 0);
	assert.equal(order.created_by, (await miner('GET', `/orders/${order.id}`)).body.created_by);

	const current = await newOrder({ clinical_indication: 'CI', priority: 'high', mode: 'somatic' });
	assert.equal(current.indication, 'CI');
	assert.equal(current.priority, 'high');
	assert.equal(current.mode, 'somatic');
});

test('order: legacy name and priorities are accepted and mapped', async () => {
	for (const [legacy, now] of [
		['routine', 'low'],
		['urgent', 'medium'],
		['stat', 'high'],
	]) {
		const res = await miner('POST', '/orders', { body: { name: uniqueId('LEG'), priority: legacy } });
		assert.equal(res.status, 201);
		assert.equal(res.body.priority, now);
		assert.equal(res.body.display_id, res.body.name);
	}
	const bad = await miner('POST', '/orders', { body: { display_id: uniqueId('B'), priority: 'asap' } });
	assert.equal(bad.status, 422);
	assert.equal(bad.body.detail[0].loc[1], 'priority');
});

test('order: 409 duplicate display_id; 404 unknown; get by display_id', async () => {
	const order = await newOrder();
	assert.equal((await miner('POST', '/orders', { body: { display_id: order.display_id } })).status, 409);
	assert.equal((await miner('GET', '/orders/00000000-0000-4000-8000-000000000000')).status, 404);
	assert.equal((await miner('GET', `/orders/${order.display_id}`)).body.id, order.id);
});

test('order: create with samples links them with roles (tumor alias → tumour)', async () => {
	const s1 = await newSample();
	const s2 = await newSample();
	const order = await newOrder({
		samples: [
			{ sample_id: s1.id, role: 'tumor' },
			{ sample_id: s2.id, role: 'normal' },
		],
	});
	assert.equal(order.sample_count, 2);
	const items = (await miner('GET', `/orders/${order.id}/samples`)).body;
	assert.deepEqual(
		items.map((i) => [i.id, i.role]),
		[
			[s1.id, 'tumour'],
			[s2.id, 'normal'],
		],
	);
	for (const i of items) {
		assert.ok(i.name && i.status && i.added_at);
	}
	const unknown = await miner('POST', '/orders', {
		body: { display_id: uniqueId('O'), samples: [{ sample_id: '00000000-0000-4000-8000-000000000000' }] },
	});
	assert.equal(unknown.status, 404);
});

test('order: PUT is partial; status in PUT → 422 with a hint; completed/cancelled → 409', async () => {
	const order = await newOrder({ description: 'keep', priority: 'low' });
	const res = await miner('PUT', `/orders/${order.id}`, { body: { priority: 'stat', indication: 'new', properties: { k: 1 } } });
	assert.equal(res.status, 200);
	assert.equal(res.body.priority, 'high');
	assert.equal(res.body.description, 'keep');
	assert.equal(res.body.clinical_indication, 'new');
	assert.deepEqual(res.body.properties, { k: 1 });

	const withStatus = await miner('PUT', `/orders/${order.id}`, { body: { status: 'analyzing' } });
	assert.equal(withStatus.status, 422);
	assert.deepEqual(withStatus.body.detail[0].loc, ['body', 'status']);
	assert.match(withStatus.body.detail[0].msg, /\/transition/);

	await move(order, 'cancelled');
	const edit = await miner('PUT', `/orders/${order.id}`, { body: { description: 'x' } });
	assert.equal(edit.status, 409);
	assert.equal((await miner('PUT', `/orders/${order.id}`, { as: 'viewer', body: { description: 'x' } })).status, 403);
});

test('order: DELETE admin only, only created or cancelled', async () => {
	const a = await newOrder();
	assert.equal((await miner('DELETE', `/orders/${a.id}`, { as: 'editor' })).status, 403);
	assert.equal((await miner('DELETE', `/orders/${a.id}`)).status, 204);
	assert.equal((await miner('GET', `/orders/${a.id}`)).status, 404);

	const b = await newOrder();
	await move(b, 'analyzing');
	const busy = await miner('DELETE', `/orders/${b.id}`);
	assert.equal(busy.status, 409);
	await move(b, 'cancelled');
	assert.equal((await miner('DELETE', `/orders/${b.id}`)).status, 204);
});

test('order: list filters status (legacy alias too), priority, mode, search, paging', async () => {
	const tag = uniqueId('FLT');
	const o1 = await newOrder({ display_id: `${tag}-1`, priority: 'high', mode: 'somatic' });
	const o2 = await newOrder({ display_id: `${tag}-2`, priority: 'low' });
	const o3 = await newOrder({ display_id: `${tag}-3`, priority: 'high' });
	await move(o2, 'analyzing');
	await move(o2, 'sign_off');

	const all = await miner('GET', '/orders', { query: { search: tag } });
	assert.deepEqual(
		all.body.map((o) => o.id),
		[o3.id, o2.id, o1.id],
	);
	assert.equal(all.headers.get('x-total-count'), '3');
	const high = await miner('GET', '/orders', { query: { search: tag, priority: 'stat' } });
	assert.deepEqual(
		high.body.map((o) => o.id),
		[o3.id, o1.id],
	);
	const somatic = await miner('GET', '/orders', { query: { search: tag, mode: 'somatic' } });
	assert.deepEqual(
		somatic.body.map((o) => o.id),
		[o1.id],
	);
	const signOff = await miner('GET', '/orders', { query: { search: tag, status: 'reviewed' } });
	assert.deepEqual(
		signOff.body.map((o) => o.id),
		[o2.id],
	);
	const page = await miner('GET', '/orders', { query: { search: tag, limit: 1, offset: 2 } });
	assert.deepEqual(
		page.body.map((o) => o.id),
		[o1.id],
	);
	assert.equal((await miner('GET', '/orders', { query: { status: 'nope' } })).status, 422);
});

test('order samples: both link forms, default role, 409 duplicate, 404 unknown, unlink', async () => {
	const order = await newOrder();
	const s1 = await newSample();
	const s2 = await newSample();
	const s3 = await newSample();

	const body = await miner('POST', `/orders/${order.id}/samples`, { body: { sample_id: s1.id } });
	assert.equal(body.status, 201);
	assert.equal(body.body.id, s1.id);
	assert.equal(body.body.role, 'proband');

	const byPath = await miner('POST', `/orders/${order.id}/samples/${s2.id}`, { query: { role: 'mother' } });
	assert.equal(byPath.status, 201);
	assert.equal(byPath.body.role, 'mother');
	const byPathBody = await miner('POST', `/orders/${order.id}/samples/${s3.id}`, { body: { role: 'tumor' } });
	assert.equal(byPathBody.body.role, 'tumour');

	assert.equal((await miner('POST', `/orders/${order.id}/samples`, { body: { sample_id: s1.id } })).status, 409);
	assert.equal(
		(await miner('POST', `/orders/${order.id}/samples`, { body: { sample_id: '00000000-0000-4000-8000-000000000000' } })).status,
		404,
	);
	assert.equal((await miner('POST', `/orders/${order.id}/samples`, { body: { sample_id: s1.id, role: 'cousin' } })).status, 422);
	assert.equal((await miner('POST', `/orders/${order.id}/samples`, { as: 'viewer', body: { sample_id: s1.id } })).status, 403);

	const list = await miner('GET', `/orders/${order.id}/samples`);
	assert.deepEqual(
		list.body.map((i) => i.role),
		['proband', 'mother', 'tumour'],
	);
	assert.equal((await miner('GET', `/orders/${order.id}`)).body.sample_count, 3);

	assert.equal((await miner('DELETE', `/orders/${order.id}/samples/${s2.id}`)).status, 204);
	assert.equal((await miner('DELETE', `/orders/${order.id}/samples/${s2.id}`)).status, 404);
	assert.equal((await miner('GET', `/orders/${order.id}/samples`)).body.length, 2);
});

test('order samples: 409 when the order is past analyzing', async () => {
	const order = await newOrder();
	const s1 = await newSample();
	await move(order, 'analyzing');
	assert.equal((await miner('POST', `/orders/${order.id}/samples`, { body: { sample_id: s1.id } })).status, 201);
	await move(order, 'review');
	const s2 = await newSample();
	const late = await miner('POST', `/orders/${order.id}/samples/${s2.id}`);
	assert.equal(late.status, 409);
	assert.match(late.body.detail, /created or analyzing/);
	assert.equal((await miner('DELETE', `/orders/${order.id}/samples/${s1.id}`)).status, 409);
});

test('labflows: definitions, scope filter, order labflow state follows transitions', async () => {
	const all = await miner('GET', '/labflows');
	assert.equal(all.status, 200);
	assert.ok(all.body.length >= 2);
	const system = await miner('GET', '/labflows', { query: { scope: 'system' } });
	assert.ok(system.body.every((l) => l.scope === 'system'));
	const one = await miner('GET', `/labflows/${system.body[0].id}`);
	assert.equal(one.status, 200);
	assert.deepEqual(
		one.body.stages.map((s) => s.code),
		['created', 'analyzing', 'review', 'sign_off', 'completed'],
	);
	assert.equal((await miner('GET', '/labflows/nope')).status, 404);

	const order = await newOrder();
	let state = (await miner('GET', `/orders/${order.id}/labflow`)).body;
	assert.equal(state.current_stage.code, 'created');
	assert.equal(state.last_transition, null);
	await move(order, 'analyzing');
	await miner('POST', `/orders/${order.id}/transition`, { body: { status: 'review', comment: 'ready' } });
	state = (await miner('GET', `/orders/${order.id}/labflow`)).body;
	assert.equal(state.current_stage.code, 'review');
	assert.equal(state.state, 'in_progress');
	assert.deepEqual(state.last_transition.from_stage, 'analyzing');
	assert.equal(state.last_transition.comment, 'ready');
	assert.deepEqual(
		state.stages.map((s) => s.state),
		['completed', 'completed', 'in_progress', 'unassigned', 'unassigned'],
	);
	assert.equal((await miner('GET', '/orders/00000000-0000-4000-8000-000000000000/labflow')).status, 404);
});

test('order writes are audited', async () => {
	const order = await newOrder();
	const s = await newSample();
	await miner('PUT', `/orders/${order.id}`, { body: { description: 'd' } });
	await miner('POST', `/orders/${order.id}/samples`, { body: { sample_id: s.id } });
	await move(order, 'analyzing');
	const events = await call('audit', 'GET', '/api/v1/events', { query: { entity_id: order.id } });
	assert.deepEqual(events.body.map((e) => e.action).sort(), ['order.create', 'order.sample_link', 'order.transition', 'order.update']);
});

test('order: display_id can change until the order has files (slug frozen) → 409', async () => {
	const order = await newOrder();
	const renamed = await miner('PUT', `/orders/${order.id}`, { body: { display_id: uniqueId('REN') } });
	assert.equal(renamed.status, 200);
	assert.equal(renamed.body.name, renamed.body.display_id);
	const slug = renamed.body.display_id.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	await emu.emulator.projectFiles.write(renamed.body.project_id, `orders/${slug}/notes.txt`, 'x');
	const frozen = await miner('PUT', `/orders/${order.id}`, { body: { display_id: uniqueId('REN') } });
	assert.equal(frozen.status, 409);
	assert.match(frozen.body.detail, /frozen/);
	const taken = await newOrder();
	assert.equal((await miner('PUT', `/orders/${taken.id}`, { body: { display_id: renamed.body.display_id } })).status, 409);
});

// The order state machine (docs/flow-api.md §5.1) over real HTTP: every legal edge, illegal edges,
// legacy alias targets, completion only through the report, role rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEmulator, uniqueId } from './miner-http.js';

const { emu, call } = useEmulator();

const miner = (method, path, o) => call('miner', method, `/api/v1${path}`, o);
const move = (id, status, as = 'admin') => miner('POST', `/orders/${id}/transition`, { as, body: { status } });

/** A fresh order walked along `path` (each step must succeed). */
async function orderAt(path) {
	const res = await miner('POST', '/orders', { body: { display_id: uniqueId('SM') } });
	for (const status of path) {
		const step = await move(res.body.id, status);
		assert.equal(step.status, 200, `${status}: ${JSON.stringify(step.body)}`);
	}
	return res.body.id;
}

const PATH_TO = {
	created: [],
	analyzing: ['analyzing'],
	review: ['analyzing', 'review'],
	sign_off: ['analyzing', 'review', 'sign_off'],
	cancelled: ['cancelled'],
};

const LEGAL = [
	['created', 'analyzing', 'editor'],
	['created', 'cancelled', 'admin'],
	['analyzing', 'review', 'editor'],
	['analyzing', 'sign_off', 'editor'],
	['analyzing', 'cancelled', 'admin'],
	['review', 'sign_off', 'editor'],
	['review', 'cancelled', 'admin'],
	['sign_off', 'cancelled', 'admin'], // [D-LIFE] user-facing rule; the [D-ORD] diagram omits it
];

for (const [from, to, role] of LEGAL) {
	test(`legal: ${from} → ${to} (${role})`, async () => {
		const id = await orderAt(PATH_TO[from]);
		const res = await move(id, to, role);
		assert.equal(res.status, 200, JSON.stringify(res.body));
		assert.equal(res.body.status, to);
		assert.equal((await miner('GET', `/orders/${id}`)).body.status, to);
	});
}

const ILLEGAL = [
	['created', 'review'],
	['created', 'sign_off'],
	['analyzing', 'created'],
	['review', 'analyzing'],
	['review', 'created'],
	['sign_off', 'review'],
	['cancelled', 'analyzing'],
	['cancelled', 'created'],
	['analyzing', 'analyzing'],
];

for (const [from, to] of ILLEGAL) {
	test(`illegal: ${from} → ${to} is 409 and lists the allowed moves`, async () => {
		const id = await orderAt(PATH_TO[from]);
		const res = await move(id, to);
		assert.equal(res.status, 409);
		assert.ok(res.body.detail.startsWith(`Invalid transition from ${from} to ${to}.`), res.body.detail);
		assert.match(res.body.detail, /Allowed: /);
		assert.equal((await miner('GET', `/orders/${id}`)).body.status, from, 'status unchanged');
	});
}

test('the reference example detail, exactly, plus the allowed list', async () => {
	const id = await orderAt(PATH_TO.review);
	const res = await move(id, 'analyzing');
	assert.equal(res.body.detail, 'Invalid transition from review to analyzing. Allowed: sign_off, cancelled');
});

test('completed through /transition is 409 (completion happens via report sign-off)', async () => {
	const id = await orderAt(PATH_TO.sign_off);
	const res = await move(id, 'completed');
	assert.equal(res.status, 409);
	assert.match(res.body.detail, /Approve-and-Sign/);
	assert.match(res.body.detail, /Allowed: cancelled/);
	assert.equal((await move(await orderAt(PATH_TO.analyzing), 'completed')).status, 409);
});

test('terminal statuses allow nothing', async () => {
	const id = await orderAt(PATH_TO.cancelled);
	const order = (await miner('GET', `/orders/${id}`)).body;
	assert.deepEqual(order.allowed_transitions, []);
	const res = await move(id, 'cancelled');
	assert.equal(res.status, 409);
	assert.match(res.body.detail, /Allowed: none/);
});

test('legacy alias targets map per §5.1 (ready_for_review → review, reviewed → sign_off)', async () => {
	const id = await orderAt(PATH_TO.analyzing);
	const a = await move(id, 'ready_for_review', 'editor');
	assert.equal(a.status, 200);
	assert.equal(a.body.status, 'review');
	const b = await move(id, 'reviewed', 'editor');
	assert.equal(b.body.status, 'sign_off');
	for (const legacy of ['signed_off', 'amended']) {
		const c = await move(id, legacy);
		assert.equal(c.status, 409, `${legacy} means completed`);
	}
});

test('allowed_transitions follows the status', async () => {
	const expect = {
		created: ['analyzing', 'cancelled'],
		analyzing: ['review', 'sign_off', 'cancelled'],
		review: ['sign_off', 'cancelled'],
		sign_off: ['cancelled'],
	};
	for (const [status, allowed] of Object.entries(expect)) {
		const id = await orderAt(PATH_TO[status]);
		assert.deepEqual((await miner('GET', `/orders/${id}`)).body.allowed_transitions, allowed, status);
	}
});

test('roles: cancel needs admin, advancing needs editor, viewer cannot move', async () => {
	const id = await orderAt(PATH_TO.created);
	const editorCancel = await move(id, 'cancelled', 'editor');
	assert.equal(editorCancel.status, 403);
	assert.match(editorCancel.body.detail, /admin/);
	const viewer = await move(id, 'analyzing', 'viewer');
	assert.equal(viewer.status, 403);
	assert.equal((await miner('GET', `/orders/${id}`)).body.status, 'created');
	assert.equal((await move(id, 'analyzing', 'editor')).status, 200);
});

test('bad input: unknown status 422, missing status 422, unknown order 404', async () => {
	const id = await orderAt([]);
	assert.equal((await move(id, 'done')).status, 422);
	assert.equal((await miner('POST', `/orders/${id}/transition`, { body: {} })).status, 422);
	assert.equal((await move('00000000-0000-4000-8000-000000000000', 'analyzing')).status, 404);
});

test('a seeded legacy status is read-only: returned as stored, matched by both filters, mapped for moves', async () => {
	const id = '5d1c0e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
	const now = '2025-06-01T10:00:00.000Z';
	const display = uniqueId('OLD');
	const res = await fetch(`${emu.url}/_emulator/seed`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			orders: [{ id, project_id: 'a3d9e0f4-58c2-4b0a-8d0e-7f1d2c3b4a50', display_id: display, status: 'reviewed', priority: 'routine', tags: [], properties: {}, created_at: now, updated_at: now }],
		}),
	});
	assert.equal(res.status, 200);
	const order = (await miner('GET', `/orders/${id}`)).body;
	assert.equal(order.status, 'reviewed');
	assert.equal(order.current_stage, 'sign_off');
	assert.deepEqual(order.allowed_transitions, ['cancelled']);
	for (const status of ['reviewed', 'sign_off']) {
		const list = await miner('GET', '/orders', { query: { search: display, status } });
		assert.deepEqual(list.body.map((o) => o.id), [id], status);
	}
	const illegal = await move(id, 'review');
	assert.equal(illegal.body.detail, 'Invalid transition from sign_off to review. Allowed: cancelled');
	assert.equal((await move(id, 'cancelled')).body.status, 'cancelled');
});

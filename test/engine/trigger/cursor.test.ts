/**
 * The trigger's cursor against the emulator: nothing lost, nothing repeated — across backlogs,
 * restarts, ties at one timestamp, failed polls and manual test fetches.
 */
import { PROJECT_A, startEmulator } from '../../helpers/emulator';
import type { EmulatorHandle } from '../../helpers/emulator';
import { createOrder, drain, ids, names, trigger, writeFiles } from './harness';

let emu: EmulatorHandle;
beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => await emu.stop());
beforeEach(async () => {
	await emu.reset();
	await emu.clearRequests();
	await emu.clearFaults();
});

const ORDER_CREATED = { event: 'orderCreated' };
const SAMPLE_CREATED = { event: 'sampleCreated' };

async function createOrders(count: number, prefix: string): Promise<string[]> {
	const created: string[] = [];
	for (let i = 0; i < count; i++) created.push(String((await createOrder(emu, `${prefix}-${i}`)).id));
	return created;
}

/** `sample.create` audit entries written straight into the feed, all at one instant. */
async function seedSampleEvents(time: string, entityIds: string[]): Promise<void> {
	const audit_events = entityIds.map((entityId) => ({
		id: `evt-${entityId}`,
		occurred_at: time,
		actor_id: null,
		actor_email: null,
		action: 'sample.create',
		entity_type: 'sample',
		entity_id: entityId,
		project_id: PROJECT_A,
		changes: {},
		ip: null,
		service: 'miner',
	}));
	await emu.control('POST', '/seed', { audit_events });
}

describe('first activation', () => {
	test('records the cursor and emits nothing; later events are emitted once', async () => {
		await createOrders(3, 'OLD');
		const t = trigger(emu, { parameters: ORDER_CREATED });
		expect(await t.poll()).toBeNull();
		expect(await t.poll()).toBeNull();
		const fresh = await createOrders(2, 'NEW');
		expect(ids(await t.poll())).toEqual(fresh);
		expect(await t.poll()).toBeNull();
	});

	test('Emit Existing on First Poll returns what already happened, oldest first', async () => {
		const old = await createOrders(3, 'OLD');
		const t = trigger(emu, { parameters: { ...ORDER_CREATED, options: { emitExisting: true } } });
		expect(ids(await t.poll())).toEqual(old);
		expect(await t.poll()).toBeNull();
	});

	test('changing the event starts a new cursor instead of replaying the old one', async () => {
		await createOrders(2, 'OLD');
		const t = trigger(emu, { parameters: ORDER_CREATED });
		expect(await t.poll()).toBeNull();
		const other = trigger(emu, { parameters: { event: 'orderStatusChanged' }, staticData: t.saved() });
		expect(await other.poll()).toBeNull();
		expect(other.saved()).not.toEqual(t.saved());
	});
});

describe('backlogs', () => {
	test('1,000 changes between two polls are each emitted exactly once, in order', async () => {
		await createOrders(1, 'BEFORE');
		const t = trigger(emu, { parameters: ORDER_CREATED });
		expect(await t.poll()).toBeNull();
		const created = await createOrders(1000, 'BULK');
		await emu.clearRequests();
		const { items } = await drain(t);
		expect(ids(items)).toEqual(created);
		const feed = await emu.requests({ service: 'audit' });
		expect(feed[0].query).toMatchObject({ order: 'asc', entity_type: 'order', offset: '0', limit: '100' });
		expect(feed[0].query.from).toEqual(expect.any(String));
		expect(feed[0].headers['x-project-id']).toBe(PROJECT_A);
	}, 120_000);

	test('a poll budget that runs out leaves the rest for the next poll, nothing lost or repeated', async () => {
		const t = trigger(emu, { parameters: ORDER_CREATED, pollBudgetMs: 0 });
		expect(await t.poll()).toBeNull();
		const created = await createOrders(250, 'SPLIT');
		const { items, polls } = await drain(t);
		expect(ids(items)).toEqual(created);
		// 2.x reports the (zero) budget: one page per poll. 1.x has no budget: one poll.
		expect(polls).toBe(t.budgeted ? 4 : 2);
	});
});

describe('restart', () => {
	test('a new context over the saved static data repeats nothing and loses nothing', async () => {
		const t = trigger(emu, { parameters: ORDER_CREATED, pollBudgetMs: 0 });
		expect(await t.poll()).toBeNull();
		const created = await createOrders(150, 'RST');
		const first = (await t.poll()) ?? [];
		expect(first.length).toBeGreaterThan(0);
		// n8n restarts: the static data comes back from the database into a new workflow and context.
		const restarted = trigger(emu, { parameters: ORDER_CREATED, staticData: t.saved() });
		const later = await createOrders(5, 'AFTER');
		const { items } = await drain(restarted);
		expect([...ids(first), ...ids(items)]).toEqual([...created, ...later]);
	});
});

describe('several changes at one timestamp', () => {
	test('audit entries sharing a time are all emitted once, also when a poll ends inside the group', async () => {
		const t = trigger(emu, { parameters: SAMPLE_CREATED, pollBudgetMs: 0 });
		expect(await t.poll()).toBeNull();
		const time = '2030-01-01T00:00:00.000Z';
		const group = Array.from({ length: 150 }, (_, i) => `ghost-${String(i).padStart(3, '0')}`);
		await seedSampleEvents(time, group);
		const { items } = await drain(t);
		expect(ids(items).sort()).toEqual(group);
		// A late twin written at exactly the cursor's time is still new.
		await seedSampleEvents(time, ['ghost-late']);
		expect(ids(await t.poll())).toEqual(['ghost-late']);
		expect(await t.poll()).toBeNull();
		// The samples were never created: each item still carries the event, marked as missing.
		expect(items[0].json.event).toMatchObject({ type: 'sampleCreated', time, entityMissing: true });
	});

	test('files written while the clock stands still are each emitted once', async () => {
		await emu.clock('manual');
		const t = trigger(emu, { parameters: { event: 'fileAdded', pathPrefix: 'inbox/' } });
		await writeFiles(emu, ['inbox/a.txt']);
		expect(await t.poll()).toBeNull();
		await writeFiles(emu, ['inbox/b.txt', 'inbox/c.txt']);
		const tied = (await t.poll()) ?? [];
		expect(names(tied)).toEqual(['inbox/b.txt', 'inbox/c.txt']);
		expect(tied[0].json.last_modified).toBe(tied[1].json.last_modified);
		expect(await t.poll()).toBeNull();
		await emu.advance(1000);
		await writeFiles(emu, ['inbox/d.txt']);
		expect(names(await t.poll())).toEqual(['inbox/d.txt']);
		expect(await t.poll()).toBeNull();
	});
});

describe('failed polls', () => {
	test('a poll whose feed read fails throws, moves nothing, and the next poll delivers everything once', async () => {
		const t = trigger(emu, { parameters: ORDER_CREATED });
		expect(await t.poll()).toBeNull();
		const before = t.saved();
		const created = await createOrders(120, 'FAIL');
		// The feed keeps failing through the transport's retries.
		await emu.fault({ service: 'audit', path: '/events', status: 500, count: 20, probability: 1 });
		await emu.clearRequests();
		await expect(t.poll()).rejects.toMatchObject({ httpCode: '500' });
		expect(t.saved()).toEqual(before);
		await emu.clearFaults();
		const { items } = await drain(t);
		expect(ids(items)).toEqual(created);
	});

	test('an entity read failing half-way through a poll also leaves the cursor where it was', async () => {
		const t = trigger(emu, { parameters: ORDER_CREATED });
		expect(await t.poll()).toBeNull();
		const before = t.saved();
		const created = await createOrders(7, 'ENT');
		await emu.fault({ service: 'miner', method: 'GET', path: `/orders/${created[5]}`, status: 500, count: 20 });
		await expect(t.poll()).rejects.toMatchObject({ httpCode: '500' });
		expect(t.saved()).toEqual(before);
		await emu.clearFaults();
		expect(ids(await t.poll())).toEqual(created);
	});
});

describe('manual mode (Fetch Test Event)', () => {
	test('returns the latest matching item and leaves the cursor alone', async () => {
		const t = trigger(emu, { parameters: ORDER_CREATED });
		expect(await t.poll()).toBeNull();
		const saved = t.saved();
		const created = await createOrders(3, 'MAN');
		const manual = trigger(emu, { parameters: ORDER_CREATED, staticData: saved, mode: 'manual' });
		const items = (await manual.poll()) ?? [];
		expect(ids(items)).toEqual([created[2]]);
		expect(items[0].json.event).toMatchObject({ type: 'orderCreated' });
		expect(manual.saved()).toEqual(saved);
		// The active trigger still gets all three.
		expect(ids(await t.poll())).toEqual(created);
	});

	test('returns nothing when nothing matches yet, and records no cursor', async () => {
		const manual = trigger(emu, { parameters: ORDER_CREATED, mode: 'manual' });
		expect(await manual.poll()).toBeNull();
		expect(JSON.stringify(manual.saved())).not.toContain('cursor');
	});
});

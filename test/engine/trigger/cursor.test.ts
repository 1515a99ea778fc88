/**
 * What the trigger keeps between polls, in both profiles: the first activation only records where
 * the project stands, a failed poll changes nothing, Fetch Test Event leaves the state alone, and
 * static data written by the previous version of the node goes on without a flood.
 */
import type { IDataObject } from 'n8n-workflow';

import { PROJECT_A } from '../../helpers/emulator';
import { PROFILES, type Profile } from '../profile';
import {
	createOrder,
	emulatorNow,
	finishedRun,
	ids,
	inParallel,
	transition,
	trigger,
	useTriggerEmulator,
} from './harness';

const ORDER_CREATED = { event: 'orderCreated' };
const STATUS_CHANGED = { event: 'orderStatusChanged' };
const event = (item: { json: IDataObject }) => item.json.event as IDataObject;

describe.each(PROFILES)('%s profile', (profile: Profile) => {
	const emu = useTriggerEmulator(profile);

	async function createOrders(count: number, prefix: string): Promise<string[]> {
		const created = await inParallel(count, async (i) => String((await createOrder(emu, `${prefix}-${i}`)).id), 1);
		await emu.advance(1000);
		return created;
	}

	describe('first activation', () => {
		test.each(['orderCreated', 'sampleCreated', 'orderStatusChanged', 'reportSigned', 'runFinished', 'fileAdded'])(
			'%s: records where the project stands and emits nothing',
			async (name) => {
				await createOrders(3, 'OLD');
				await finishedRun(emu, 'failed');
				const t = trigger(emu, { parameters: { event: name } });
				expect(await t.poll()).toBeNull();
				expect(await t.poll()).toBeNull();
				expect(t.saved()).toHaveProperty(
					['node:iFlow Trigger', 'cursorKey'],
					`${name}:${PROJECT_A}${name === 'fileAdded' ? ':' : ''}`,
				);
			},
		);

		test('Emit Existing on First Poll: Order Created returns the orders there are, oldest first', async () => {
			const old = await createOrders(3, 'OLD');
			const t = trigger(emu, { parameters: { ...ORDER_CREATED, options: { emitExisting: true } } });
			expect(ids(await t.poll())).toEqual(old);
			expect(await t.poll()).toBeNull();
		});

		test("Emit Existing on First Poll: Order Status Changed returns each order's current status", async () => {
			const [a, b] = await createOrders(2, 'OLD');
			await transition(emu, a, 'analyzing');
			await transition(emu, a, 'review');
			const t = trigger(emu, { parameters: { ...STATUS_CHANGED, options: { emitExisting: true } } });
			const items = (await t.poll()) ?? [];
			expect(items.map((i) => [i.json.id, event(i).from, event(i).to])).toEqual([[a, null, 'review']]);
			await transition(emu, b, 'cancelled');
			expect(ids(await t.poll())).toEqual([b]);
		});

		test('Emit Existing on First Poll: Run Finished returns the runs that have ended', async () => {
			const run = await finishedRun(emu, 'succeeded');
			await emu.api('compute', 'POST', '/runs', {
				body: { pipeline_id: '7a1d3e5f-2b4c-4d6e-8f01-a2b3c4d5e6f7', params: {} },
			});
			const t = trigger(emu, { parameters: { event: 'runFinished', options: { emitExisting: true } } });
			expect(ids(await t.poll())).toEqual([run.id]);
			expect(await t.poll()).toBeNull();
		});

		test('changing the event starts a new state instead of reading the old one', async () => {
			await createOrders(2, 'OLD');
			const t = trigger(emu, { parameters: ORDER_CREATED });
			expect(await t.poll()).toBeNull();
			const other = trigger(emu, { parameters: STATUS_CHANGED, staticData: t.saved() });
			expect(await other.poll()).toBeNull();
			expect(other.saved()).toHaveProperty(['node:iFlow Trigger', 'cursorKey'], `orderStatusChanged:${PROJECT_A}`);
		});
	});

	describe('failed polls', () => {
		test('a list read that keeps failing throws, changes nothing, and the next poll delivers everything once', async () => {
			const t = trigger(emu, { parameters: ORDER_CREATED });
			expect(await t.poll()).toBeNull();
			const before = t.saved();
			const created = await createOrders(5, 'FAIL');
			await emu.fault({ service: 'miner', method: 'GET', path: '^/api/v1/orders$', status: 500, count: 20 });
			await expect(t.poll()).rejects.toMatchObject({ httpCode: '500' });
			expect(t.saved()).toEqual(before);
			await emu.clearFaults();
			expect(ids(await t.poll())).toEqual(created);
		});

		test('an order read by id failing half-way leaves the state where it was', async () => {
			const orders = await createOrders(3, 'ENT');
			// Push the three off the newest page, so they are read through the status lists and by id.
			await emu.advance(180_000);
			await createOrders(1, 'MID');
			await emu.advance(180_000);
			await inParallel(99, async (i) => await createOrder(emu, `NEW-${i}`));
			const t = trigger(emu, { parameters: STATUS_CHANGED });
			expect(await t.poll()).toBeNull();
			const before = t.saved();
			for (const id of orders) await transition(emu, id, 'cancelled'); // leaves the open lists: read by id
			await emu.fault({
				service: 'miner',
				method: 'GET',
				path: `^/api/v1/orders/${orders[1]}$`,
				status: 500,
				count: 20,
			});
			await expect(t.poll()).rejects.toMatchObject({ httpCode: '500' });
			expect(t.saved()).toEqual(before);
			await emu.clearFaults();
			expect(ids(await t.poll()).sort()).toEqual([...orders].sort());
		});
	});

	describe('manual mode (Fetch Test Event)', () => {
		test('returns the latest matching item and leaves the state alone', async () => {
			const t = trigger(emu, { parameters: ORDER_CREATED });
			expect(await t.poll()).toBeNull();
			const saved = t.saved();
			const created = await createOrders(3, 'MAN');
			const manual = trigger(emu, { parameters: ORDER_CREATED, staticData: saved, mode: 'manual' });
			const items = (await manual.poll()) ?? [];
			expect(ids(items)).toEqual([created[2]]);
			expect(event(items[0])).toMatchObject({ type: 'orderCreated' });
			expect(manual.saved()).toEqual(saved);
			expect(ids(await t.poll())).toEqual(created);
		});

		test('Order Status Changed: the order that last reached a wanted status', async () => {
			const [a, b] = await createOrders(2, 'MAN');
			await transition(emu, a, 'analyzing');
			await emu.advance(1000);
			await transition(emu, b, 'cancelled');
			const manual = trigger(emu, { parameters: { ...STATUS_CHANGED, toStatuses: ['analyzing'] }, mode: 'manual' });
			const items = (await manual.poll()) ?? [];
			expect(items.map((i) => [i.json.id, event(i).to])).toEqual([[a, 'analyzing']]);
			expect(JSON.stringify(manual.saved())).not.toContain('cursorKey');
		});

		test('returns nothing when nothing matches yet, and records no state', async () => {
			const manual = trigger(emu, { parameters: ORDER_CREATED, mode: 'manual' });
			expect(await manual.poll()).toBeNull();
			expect(JSON.stringify(manual.saved())).not.toContain('cursorKey');
		});
	});

	describe('static data of the previous version (an audit-feed cursor)', () => {
		test('Order Created goes on from its time: nothing old again, new orders once', async () => {
			const old = await createOrders(3, 'V1');
			const staticData = {
				'node:iFlow Trigger': {
					cursorKey: `orderCreated:${PROJECT_A}`,
					cursor: { time: await emulatorNow(emu), ids: ['some-audit-event'] },
				},
			};
			expect(old).toHaveLength(3);
			await emu.advance(1000);
			const t = trigger(emu, { parameters: ORDER_CREATED, staticData });
			const fresh = await createOrders(2, 'V2');
			expect(ids(await t.poll())).toEqual(fresh);
			expect(t.saved()).not.toHaveProperty(['node:iFlow Trigger', 'cursor']);
		});

		test('Order Status Changed starts afresh (emits nothing the first time), then reports changes', async () => {
			const [order] = await createOrders(1, 'V1');
			const staticData = {
				'node:iFlow Trigger': {
					cursorKey: `orderStatusChanged:${PROJECT_A}`,
					cursor: { time: await emulatorNow(emu), ids: [] },
				},
			};
			const t = trigger(emu, { parameters: STATUS_CHANGED, staticData });
			expect(await t.poll()).toBeNull();
			await transition(emu, order, 'analyzing');
			expect(ids(await t.poll())).toEqual([order]);
		});
	});
});

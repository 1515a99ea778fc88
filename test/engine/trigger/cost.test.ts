/**
 * What the trigger's state costs: the static data n8n stores after every poll and the requests an
 * idle poll makes, with many records sharing one timestamp (normal on a documented server: its
 * timestamps have whole seconds). Not timed: sizes and request counts are asserted instead.
 */
import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import type { EmulatorHandle } from '../../helpers/emulator';
import { PROJECT_A } from '../../helpers/emulator';
import { PROFILES, type Profile } from '../profile';
import {
	createOrder,
	emulatorNow,
	ids,
	inParallel,
	names,
	savedSize,
	transition,
	trigger,
	writeFiles,
	useTriggerEmulator,
} from './harness';

/** Requests to Flow's APIs (not /openapi.json) since the last clear. */
async function apiRequests(emu: EmulatorHandle): Promise<number> {
	return (await emu.requests()).length;
}

describe.each(PROFILES)('%s profile', (profile: Profile) => {
	const emu = useTriggerEmulator(profile);

	/** `count` orders written straight into the emulator's state, all created at the same instant. */
	async function tiedOrders(count: number): Promise<string> {
		const template = await createOrder(emu, 'TEMPLATE');
		const at = String(template.created_at);
		for (let start = 0; start < count; start += 3000) {
			const orders = Array.from({ length: Math.min(3000, count - start) }, (_, i) => ({
				...template,
				id: randomUUID(),
				display_id: `TIED-${start + i}`,
				name: `TIED-${start + i}`,
			}));
			await emu.control('POST', '/seed', { orders });
		}
		return at;
	}

	test('File Added, 10,010 files with one timestamp: under 1 KB of static data, one request per folder or page', async () => {
		// 910 a folder: a documented listing has no paging, and a folder answering 1000 entries may hold more.
		const folders = 11;
		for (let f = 0; f < folders; f++) {
			await writeFiles(
				emu,
				Array.from({ length: 910 }, (_, i) => `bulk/f${f}/file-${i}.txt`),
			);
		}
		const t = trigger(emu, { parameters: { event: 'fileAdded', pathPrefix: 'bulk/' } });
		expect(await t.poll()).toBeNull();
		// More ids at one instant than the window keeps (10,000): that instant counts as seen as a whole.
		expect(savedSize(t)).toBeLessThan(1024);
		await emu.clearRequests();
		expect(await t.poll()).toBeNull();
		// documented: bulk/ and each folder (one level per request); full: recursive pages of 1000.
		expect(await apiRequests(emu)).toBe(profile === 'documented' ? folders + 1 : 11);
		// Beyond the cap, a file appearing later at that same instant is taken as seen (the documented price)...
		await writeFiles(emu, ['bulk/f0/late-twin.txt']);
		expect(await t.poll()).toBeNull();
		// ...and a file of a later second is new, once.
		await emu.advance(1000);
		await writeFiles(emu, ['bulk/f3/next.txt']);
		expect(names(await t.poll())).toEqual(['bulk/f3/next.txt']);
		expect(await t.poll()).toBeNull();
	}, 240_000);

	test('Order Created, 12,000 orders with one timestamp: small static data, new orders still fire', async () => {
		await tiedOrders(12_000);
		const t = trigger(emu, { parameters: { event: 'orderCreated' } });
		expect(await t.poll()).toBeNull();
		// full pages through all 12,000 (more than the window keeps: the instant counts as seen);
		// documented cannot page: it sees the newest 1000 and remembers their 11-character keys.
		expect(savedSize(t)).toBeLessThan(profile === 'full' ? 1024 : 1000 * 12 + 1024);
		await emu.clearRequests();
		expect(await t.poll()).toBeNull();
		expect(await apiRequests(emu)).toBe(profile === 'full' ? 1 : 2);
		await emu.advance(1000);
		const order = await createOrder(emu, 'AFTER');
		expect(ids(await t.poll())).toEqual([order.id]);
		expect(await t.poll()).toBeNull();
	}, 120_000);

	test('Order Created, 9,000 orders with one timestamp (under the cap): 12 bytes per id, a late twin still fires', async () => {
		await tiedOrders(9_000);
		const t = trigger(emu, { parameters: { event: 'orderCreated' } });
		expect(await t.poll()).toBeNull();
		const remembered = profile === 'full' ? 9_001 : 1_000;
		expect(savedSize(t)).toBeLessThan(remembered * 12 + 1024);
		// A UUID per id, as the previous version stored them, would have been three times as much.
		expect(savedSize(t)).toBeLessThan(remembered * 39);
		const twin = await createOrder(emu, 'TWIN'); // same instant: the clock stands still
		expect(ids(await t.poll())).toEqual([twin.id]);
		expect(await t.poll()).toBeNull();
	}, 120_000);

	test.each(['orderCreated', 'sampleCreated', 'orderStatusChanged', 'reportSigned', 'runFinished'])(
		'%s: a poll with nothing new is one list request (and one feed read where the feed is used)',
		async (event) => {
			await inParallel(5, async (i) => await createOrder(emu, `IDLE-${i}`));
			const t = trigger(emu, { parameters: { event } });
			expect(await t.poll()).toBeNull();
			await emu.advance(1000);
			await emu.clearRequests();
			expect(await t.poll()).toBeNull();
			const feed = profile === 'full' && (event === 'orderStatusChanged' || event === 'reportSigned');
			expect(await apiRequests(emu)).toBe(feed ? 2 : 1);
		},
	);
});

describe('documented profile, a server that caps the page size (50) and cannot page', () => {
	const emu = useTriggerEmulator('documented');
	beforeAll(async () => await emu.setProfile('documented', { maxPageSize: 50 })); // reset keeps it

	test('the newest records fire, the trigger warns that older new ones could not be read, and goes on', async () => {
		await createOrder(emu, 'BEFORE');
		const t = trigger(emu, { parameters: { event: 'orderCreated' } });
		expect(await t.poll()).toBeNull();
		const warn = jest.spyOn(t.context.logger, 'warn');
		try {
			await emu.advance(1000);
			const created = await inParallel(80, async (i) => String((await createOrder(emu, `CAP-${i}`)).id), 1);
			const items = (await t.poll()) ?? [];
			expect(ids(items)).toEqual(created.slice(-50));
			expect(warn).toHaveBeenCalledWith(expect.stringMatching(/all 50 records GET \/orders returned are new/));
			warn.mockClear();
			await emu.advance(1000);
			const later = await createOrder(emu, 'CAP-LATER');
			expect(ids(await t.poll())).toEqual([later.id]);
			expect(warn).not.toHaveBeenCalled();
		} finally {
			warn.mockRestore();
		}
	});
});

describe('full profile: the audit feed', () => {
	const emu = useTriggerEmulator('full');

	test('5,000 entries at one instant with 2,000-character ids: no entry id is stored, the change fires once', async () => {
		const order = await createOrder(emu, 'FEED-1');
		const t = trigger(emu, { parameters: { event: 'orderStatusChanged' } });
		expect(await t.poll()).toBeNull();
		await emu.advance(1000);
		const at = await emulatorNow(emu);
		await transition(emu, order.id, 'analyzing');
		const audit_events = Array.from({ length: 5000 }, (_, i) => ({
			id: `${String(i).padStart(6, '0')}-${'x'.repeat(2000)}`,
			occurred_at: at,
			actor_id: null,
			actor_email: null,
			action: 'order.transition',
			entity_type: 'order',
			entity_id: order.id,
			project_id: PROJECT_A,
			changes: { status: { from: 'created', to: 'analyzing' } } as IDataObject,
			ip: null,
		}));
		await emu.control('POST', '/seed', { audit_events });
		await emu.clearRequests();
		const items = (await t.poll()) ?? [];
		expect(items.map((i) => [i.json.id, (i.json.event as IDataObject).to])).toEqual([[order.id, 'analyzing']]);
		expect(savedSize(t)).toBeLessThan(1024);
		// Orders: one list. Feed: pages of 1000 (5,001 entries → 6 pages).
		const byService = (await emu.requests()).map((r) => r.service);
		expect(byService.filter((s) => s === 'audit')).toHaveLength(6);
		expect(byService.filter((s) => s === 'miner')).toHaveLength(1);
		expect(await t.poll()).toBeNull();
	}, 120_000);
});

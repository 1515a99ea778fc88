/**
 * Statuses an order passes through between two polls. Without an audit feed (a server with only
 * the documented API) a poll sees each order's current status, so the change is reported from the
 * last status seen to the current one. Where the server's /openapi.json lists the audit feed, its
 * entries add the statuses in between — whatever their shape and order.
 */
import type { IDataObject } from 'n8n-workflow';

import { PROJECT_A } from '../../helpers/emulator';
import { createOrder, emulatorNow, transition, trigger, useTriggerEmulator } from './harness';

const event = (item: { json: IDataObject }) => item.json.event as IDataObject;
const changes = (items: Array<{ json: IDataObject }> | null) =>
	(items ?? []).map((i) => [i.json.id, event(i).from, event(i).to]);

describe('documented profile (no audit feed)', () => {
	const emu = useTriggerEmulator('documented');

	test('created → analyzing → review between two polls is one change, created → review (the last status)', async () => {
		const order = await createOrder(emu, 'PASS-1');
		const t = trigger(emu, { parameters: { event: 'orderStatusChanged' } });
		expect(await t.poll()).toBeNull();
		await transition(emu, order.id, 'analyzing');
		await transition(emu, order.id, 'review');
		expect(changes(await t.poll())).toEqual([[order.id, 'created', 'review']]);
		expect(await emu.requests({ service: 'audit' })).toEqual([]);
	});

	test('so To Status "analyzing" does not fire for an order that was already past it when polled', async () => {
		const order = await createOrder(emu, 'PASS-2');
		const t = trigger(emu, { parameters: { event: 'orderStatusChanged', toStatuses: ['analyzing'] } });
		expect(await t.poll()).toBeNull();
		await transition(emu, order.id, 'analyzing');
		await transition(emu, order.id, 'review');
		expect(await t.poll()).toBeNull();
	});
});

describe('full profile (the server lists the audit feed)', () => {
	const emu = useTriggerEmulator('full');

	/** An order, an activated trigger, then the order moved created → analyzing → review, a second apart. */
	async function passedThrough(parameters: IDataObject = { event: 'orderStatusChanged' }) {
		const order = await createOrder(emu, `PASS-${Math.random().toString(36).slice(2, 8)}`);
		const t = trigger(emu, { parameters });
		expect(await t.poll()).toBeNull();
		await emu.clearRequests();
		await emu.advance(1000);
		const t1 = await emulatorNow(emu);
		await transition(emu, order.id, 'analyzing');
		await emu.advance(1000);
		const t2 = await emulatorNow(emu);
		await transition(emu, order.id, 'review');
		return { t, id: String(order.id), t1, t2 };
	}

	test('every status passed through is its own change, oldest first, with the audit entry and actor', async () => {
		const { t, id } = await passedThrough();
		const items = (await t.poll()) ?? [];
		expect(changes(items)).toEqual([
			[id, 'created', 'analyzing'],
			[id, 'analyzing', 'review'],
		]);
		expect(event(items[0])).toMatchObject({
			auditEventId: expect.any(String),
			actor: 'anna.admin@baltic-genomics.example',
		});
		expect(items[0].json.status).toBe('review'); // the record as it is now
		const feed = await emu.requests({ service: 'audit' });
		expect(feed).toHaveLength(1);
		expect(feed[0].query).toMatchObject({ entity_type: 'order', from: expect.any(String) });
		expect(feed[0].headers['x-project-id']).toBe(PROJECT_A);
		expect(await t.poll()).toBeNull();
	});

	test('To Status "analyzing" fires for an order that passed through it', async () => {
		const { t, id } = await passedThrough({ event: 'orderStatusChanged', toStatuses: ['analyzing'] });
		expect(changes(await t.poll())).toEqual([[id, 'created', 'analyzing']]);
	});

	type Shape = (from: string, to: string) => IDataObject;
	const SHAPES: Array<[string, Shape]> = [
		['changes.status [old, new]', (from, to) => ({ changes: { status: [from, to] } })],
		['changes.status {old, new}', (from, to) => ({ changes: { status: { old: from, new: to } } })],
		['changes {from, to}', (from, to) => ({ changes: { from, to } })],
		['changes.before/after', (from, to) => ({ changes: { before: { status: from }, after: { status: to } } })],
		['before/after on the entry', (from, to) => ({ before: { status: from }, after: { status: to }, changes: null })],
	];

	test.each(SHAPES)('a feed writing %s, newest first, gives the same changes', async (_name, shape) => {
		const { t, id, t1, t2 } = await passedThrough();
		const entry = (key: string, at: string, from: string, to: string) => ({
			id: key,
			occurred_at: at,
			action: 'order.status_changed',
			entity_type: 'order',
			entity_id: id,
			actor_email: null,
			...shape(from, to),
		});
		// The response body is replaced: newest first, whatever `order` asked for (twice: a feed
		// that pages answers the next offset with the same entries, which ends the paging).
		await emu.fault({
			service: 'audit',
			method: 'GET',
			path: '^/api/v1/events$',
			status: 200,
			count: 2,
			body: [entry('odd-2', t2, 'analyzing', 'review'), entry('odd-1', t1, 'created', 'analyzing')],
		});
		const items = (await t.poll()) ?? [];
		expect(changes(items)).toEqual([
			[id, 'created', 'analyzing'],
			[id, 'analyzing', 'review'],
		]);
		expect(items.map((i) => event(i).auditEventId)).toEqual(['odd-1', 'odd-2']);
		expect(await t.poll()).toBeNull();
	});

	test('a feed entry that does not say which status: the order record tells (the last status)', async () => {
		const { t, id, t2 } = await passedThrough();
		await emu.fault({
			service: 'audit',
			method: 'GET',
			path: '^/api/v1/events$',
			status: 200,
			count: 2,
			body: {
				items: [
					{
						id: 'vague',
						occurred_at: t2,
						action: 'order.update',
						entity_type: 'order',
						entity_id: id,
						changes: { note: 'moved' },
					},
				],
			},
		});
		expect(changes(await t.poll())).toEqual([[id, 'created', 'review']]);
	});

	test('the feed is not used when the server does not list it in /openapi.json', async () => {
		await emu.fault({ service: 'audit', path: '^/openapi.json$', status: 404, body: { detail: 'Not Found' } });
		const { t, id } = await passedThrough();
		expect(changes(await t.poll())).toEqual([[id, 'created', 'review']]);
		expect(await emu.requests({ service: 'audit', path: '/api/v1/events' })).toEqual([]);
	});

	test('a feed that fails makes the poll fail (thrown, not swallowed) and changes nothing', async () => {
		const { t, id } = await passedThrough();
		const before = t.saved();
		await emu.fault({ service: 'audit', path: '^/api/v1/events$', status: 500, count: 20 });
		await expect(t.poll()).rejects.toMatchObject({ httpCode: '500' });
		expect(t.saved()).toEqual(before);
		await emu.clearFaults();
		expect(changes(await t.poll())).toEqual([
			[id, 'created', 'analyzing'],
			[id, 'analyzing', 'review'],
		]);
	});

	test('Report Signed: one item per signature, however many statuses the order passed through first', async () => {
		const order = await createOrder(emu, 'SIGN-1');
		const t = trigger(emu, { parameters: { event: 'reportSigned' } });
		expect(await t.poll()).toBeNull();
		for (const status of ['analyzing', 'review', 'sign_off']) await transition(emu, order.id, status);
		const [report] = await emu.api<IDataObject[]>('report', 'GET', '/reports', {
			query: { order_id: String(order.id) },
		});
		await emu.api('report', 'POST', `/reports/${String(report.id)}/approve-and-sign`, { body: {} });
		const items = (await t.poll()) ?? [];
		expect(items.map((i) => [i.json.id, event(i).from, event(i).to])).toEqual([[report.id, 'sign_off', 'signed']]);
	});
});

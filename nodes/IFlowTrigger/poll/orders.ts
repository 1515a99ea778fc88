import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { slugify } from '../../shared/helpers';
import { flowRequest, flowRequestAll } from '../../shared/transport';
import { queryParameterListed, routeListed } from '../../shared/transport/capabilities';
import { flowServiceApi } from '../../shared/transport/request';
import type { Timed } from '../helpers/cursor';
import { SeenWindow, timeOf } from '../helpers/cursor';
import type { EventInfo } from '../helpers/events';
import {
	OPEN_ORDER_STATUSES,
	isFinalOrderStatus,
	isOrderAdvance,
	normalizeOrderStatus,
	orderStatusChange,
} from '../helpers/events';
import { auditFeedOffered, orderEntriesSince } from './auditFeed';
import { missingItem, recordItem } from './items';
import { ORDERS, PAGE_SIZE, byListAge, nearNewest, readRecent, timedRecords, warnIfGap } from './lists';
import type { Settings } from './settings';
import { asNodeError, commit, inBatches, isRecordNotFound, param, warn } from './settings';
import type { TriggerState } from './state';
import { MAX_OPEN } from './state';

/**
 * Order Status Changed and Report Signed (an order reaching `completed` is a signed report,
 * reference §5.1/§10.1), from documented reads only: the open orders and their last status are
 * kept; each poll compares them with what the list says now. Orders created since the last poll
 * come from the same created_at window as Order Created (so one created and cancelled between two
 * polls is still seen). Without the audit feed a poll sees each order's current status: an order
 * that went created → analyzing → review between two polls is one change, created → review.
 * Where the server offers the feed, its entries add the statuses passed through in between.
 */

interface Change {
	id: string;
	/** null: not known (Emit Existing, Fetch Test Event). */
	from: string | null;
	to: string;
	time: string;
	actor?: unknown;
	auditEventId?: string;
}

interface OrderRead {
	/** Orders by id as read this poll; null = gone (404). */
	records: Map<string, IDataObject | null>;
	fresh: Array<Timed<IDataObject>>;
}

export async function pollOrders(ctx: IPollFunctions, s: Settings): Promise<INodeExecutionData[]> {
	const wanted = wantedStatuses(ctx, s);
	if (s.manual) return await latestMatching(ctx, s, wanted);

	const feed = await auditFeedOffered(ctx);
	const stored = s.stored;
	if (!stored) return await firstPoll(ctx, s, wanted, feed);

	// The feed first: an entry written between the two reads then shows a status the list
	// already has, which is not reported again.
	const entries = feed ? await orderEntriesSince(ctx, s.projectId, stored.feedTop) : [];
	const read = await readOrders(ctx, s, stored, entries);
	const byOrder = new Map<string, Array<Timed<IDataObject>>>();
	for (const e of entries) {
		const id = String(e.entry.entity_id);
		const list = byOrder.get(id);
		if (list) list.push(e);
		else byOrder.set(id, [e]);
	}

	const open = stored.open;
	const changes: Change[] = [];
	const followed = [...open.keys(), ...read.fresh.map((r) => r.id).filter((id) => !open.has(id))];
	for (const id of followed) {
		const record = read.records.get(id);
		if (record === undefined) continue; // not read this poll (see readOrders): checked next time
		// A new order starts as `created` (reference §9.3: POST /orders → status created).
		let last = open.get(id) ?? 'created';
		for (const e of byOrder.get(id) ?? []) {
			const { to } = orderStatusChange(e.entry);
			if (to === null || !isOrderAdvance(last, to)) continue;
			changes.push({
				id,
				from: last,
				to,
				time: String(e.entry.occurred_at ?? new Date(e.time).toISOString()),
				actor: e.entry.actor_email ?? null,
				auditEventId: e.id,
			});
			last = to;
		}
		const now = record ? normalizeOrderStatus(record.status) : null;
		if (record && isOrderAdvance(last, now)) {
			changes.push({ id, from: last, to: now as string, time: changeTime(record) });
			last = now as string;
		}
		if (record === null || isFinalOrderStatus(last)) open.delete(id);
		else open.set(id, last);
	}
	for (const r of read.fresh) stored.window.add(r.time, r.id);
	const feedTop = entries.length ? new Date(entries[entries.length - 1].time).toISOString() : stored.feedTop;
	if (open.size > MAX_OPEN) warnOpenCap(ctx);

	const matching = changes.filter((c) => wanted.includes(c.to));
	const items = await itemsFor(ctx, s, matching, read.records);
	commit(s, { window: stored.window, open, feedTop });
	return items;
}

function wantedStatuses(ctx: IPollFunctions, s: Settings): string[] {
	if (s.event === 'reportSigned') return ['completed'];
	const chosen = (param(ctx, 'toStatuses', []) as string[]) ?? [];
	return chosen.length ? chosen : OPEN_ORDER_STATUSES.slice(1).concat('completed', 'cancelled');
}

/**
 * The orders this poll needs: the newest ones (down to the window's bound: new orders), and every
 * open order. Open orders older than the newest page come from the list filtered by each open
 * status (a documented filter); what is still missing left the open statuses (or was deleted)
 * and is read by id.
 */
async function readOrders(
	ctx: IPollFunctions,
	s: Settings,
	stored: TriggerState,
	entries: Array<Timed<IDataObject>>,
): Promise<OrderRead> {
	const window = stored.window;
	const newest = await readRecent(ctx, s.projectId, ORDERS, () => window.lowerBound());
	warnIfGap(ctx, ORDERS, newest, window);
	const recent = newest.records;
	const records = new Map<string, IDataObject | null>();
	for (const r of recent) records.set(r.id, r.entry);
	const fresh = recent.filter((r) => !stored.open.has(r.id) && window.isNew(r.time, r.id)).sort(byListAge);

	const missing = () => [...stored.open.keys()].filter((id) => !records.has(id));
	if (missing().length) {
		for (const r of await openOrders(ctx, s.projectId)) if (!records.has(r.id)) records.set(r.id, r.entry);
	}
	// Orders the feed names that are open but still unread are read by id too.
	const unread = new Set(missing());
	for (const e of entries) {
		const id = String(e.entry.entity_id);
		if (stored.open.has(id) && !records.has(id)) unread.add(id);
	}
	const ids = [...unread];
	const read = await inBatches(ids, async (id) => await readOrder(ctx, s.projectId, id));
	ids.forEach((id, i) => records.set(id, read[i]));
	return { records, fresh };
}

/** Every open order: one filtered list per open status (the whole list if `status` is not listed). */
async function openOrders(ctx: IPollFunctions, projectId: string): Promise<Array<Timed<IDataObject>>> {
	const api = await flowServiceApi(ctx, ORDERS.service);
	const base = {
		service: ORDERS.service,
		path: ORDERS.path,
		project: 'required' as const,
		projectId,
		returnAll: true,
		pageSize: PAGE_SIZE,
	};
	const byStatus = queryParameterListed(api, 'GET', ORDERS.path, 'status');
	const lists = byStatus
		? await Promise.all(OPEN_ORDER_STATUSES.map(async (status) => await flowRequestAll.call(ctx, { ...base, qs: { status } })))
		: [await flowRequestAll.call(ctx, base)];
	const orders = timedRecords(lists.flat(), ORDERS.timeField);
	return orders.filter((o) => !isFinalOrderStatus(normalizeOrderStatus(o.entry.status)));
}

async function readOrder(ctx: IPollFunctions, projectId: string, id: string): Promise<IDataObject | null> {
	try {
		return await flowRequest.call<IPollFunctions, Parameters<typeof flowRequest>, Promise<IDataObject>>(ctx, {
			service: 'miner',
			method: 'GET',
			path: `/orders/${encodeURIComponent(id)}`,
			project: 'required',
			projectId,
		});
	} catch (error) {
		if (isRecordNotFound(error)) return null;
		throw asNodeError(ctx, error);
	}
}

/** When the order last changed: updated_at, else created_at (documented fields, §9.3). */
function changeTime(record: IDataObject): string {
	return String(record.updated_at ?? record.created_at ?? new Date().toISOString());
}

/**
 * First activation: remember the open orders, the created_at window and where the feed stands;
 * emit nothing. With "Emit Existing on First Poll", each order already past `created` is emitted
 * once with its current status (`from` null: the earlier ones are not known).
 */
async function firstPoll(ctx: IPollFunctions, s: Settings, wanted: string[], feed: boolean): Promise<INodeExecutionData[]> {
	const bound = s.emitExisting ? () => -Infinity : nearNewest;
	const { records: recent } = await readRecent(ctx, s.projectId, ORDERS, bound);
	const all = new Map<string, Timed<IDataObject>>();
	for (const r of recent) all.set(r.id, r);
	for (const r of await openOrders(ctx, s.projectId)) if (!all.has(r.id)) all.set(r.id, r);

	const window = SeenWindow.empty();
	for (const r of recent) window.add(r.time, r.id);
	const byAge = [...all.values()].sort(byListAge);
	const open = new Map<string, string>();
	for (const r of byAge) {
		const status = normalizeOrderStatus(r.entry.status);
		if (status && !isFinalOrderStatus(status)) open.set(r.id, status);
	}
	if (open.size > MAX_OPEN) warnOpenCap(ctx);
	// The feed is read from the newest change the lists show; anything before it is known.
	const newest = byAge.reduce((max, r) => Math.max(max, timeOf(changeTime(r.entry)) ?? r.time), -Infinity);
	const feedTop = feed && newest > -Infinity ? new Date(newest).toISOString() : null;

	let items: INodeExecutionData[] = [];
	if (s.emitExisting) {
		const existing: Change[] = [];
		for (const r of byAge) {
			const to = normalizeOrderStatus(r.entry.status);
			if (to !== null && to !== 'created' && wanted.includes(to)) existing.push({ id: r.id, from: null, to, time: changeTime(r.entry) });
		}
		const records = new Map<string, IDataObject | null>([...all].map(([id, r]) => [id, r.entry]));
		items = await itemsFor(ctx, s, existing, records);
	}
	commit(s, { window, open, feedTop });
	return items;
}

/** "Fetch Test Event": the order that most recently reached a wanted status (per the lists). */
async function latestMatching(ctx: IPollFunctions, s: Settings, wanted: string[]): Promise<INodeExecutionData[]> {
	const api = await flowServiceApi(ctx, ORDERS.service);
	const base = { service: ORDERS.service, path: ORDERS.path, project: 'required' as const, projectId: s.projectId };
	const lists = queryParameterListed(api, 'GET', ORDERS.path, 'status')
		? await Promise.all(wanted.map(async (status) => await flowRequestAll.call(ctx, { ...base, qs: { status }, returnAll: false, limit: 100 })))
		: [await flowRequestAll.call(ctx, { ...base, returnAll: false, limit: 1000 })];
	let best: IDataObject | undefined;
	for (const order of lists.flat()) {
		const status = normalizeOrderStatus(order.status);
		if (!status || !wanted.includes(status)) continue;
		if (!best || (timeOf(changeTime(order)) ?? 0) > (timeOf(changeTime(best)) ?? 0)) best = order;
	}
	if (!best) return [];
	const change = { id: String(best.id), from: null, to: normalizeOrderStatus(best.status) as string, time: changeTime(best) };
	return await itemsFor(ctx, s, [change], new Map([[change.id, best]]));
}

/** Output items, oldest change first. Report Signed attaches the report where the server has one. */
async function itemsFor(
	ctx: IPollFunctions,
	s: Settings,
	changes: Change[],
	records: Map<string, IDataObject | null>,
): Promise<INodeExecutionData[]> {
	const sorted = [...changes].sort((a, b) => (timeOf(a.time) ?? 0) - (timeOf(b.time) ?? 0));
	const reports = s.event === 'reportSigned' ? await signedReports(ctx, s.projectId, sorted.map((c) => c.id)) : undefined;
	return sorted.map((c) => {
		const record = records.get(c.id) ?? null;
		const event: EventInfo = { type: s.event, time: c.time, from: c.from, to: c.to };
		if (c.actor !== undefined) event.actor = c.actor as string | null;
		if (c.auditEventId !== undefined) event.auditEventId = c.auditEventId;
		if (s.event === 'reportSigned') {
			event.to = 'signed';
			event.orderId = c.id;
			if (record?.display_id) event.signedPdfPath = `orders/${slugify(String(record.display_id))}/signed-report.pdf`;
			const report = reports?.get(c.id);
			if (report) return recordItem(report, event);
		}
		return record ? recordItem(record, event) : missingItem(c.id, event);
	});
}

/**
 * The signed report of each order, where the report service lists `GET /reports` (beyond the
 * reference: §10.1 documents only browser routes). Otherwise the item is the completed order.
 */
async function signedReports(ctx: IPollFunctions, projectId: string, orderIds: string[]): Promise<Map<string, IDataObject>> {
	const found = new Map<string, IDataObject>();
	if (!orderIds.length || !routeListed(await flowServiceApi(ctx, 'report'), 'GET', '/reports')) return found;
	const lists = await inBatches(orderIds, async (orderId) =>
		await flowRequestAll.call(ctx, {
			service: 'report',
			path: '/reports',
			project: 'required',
			projectId,
			filters: { order_id: orderId },
			returnAll: true,
			pageSize: PAGE_SIZE,
		}),
	);
	orderIds.forEach((orderId, i) => {
		const signed = lists[i].filter((r) => r.status === 'signed');
		const report = signed[signed.length - 1] ?? lists[i][0];
		if (report) found.set(orderId, report);
	});
	return found;
}

function warnOpenCap(ctx: IPollFunctions): void {
	warn(ctx, `more than ${MAX_OPEN} orders are open at once: only the ${MAX_OPEN} followed most recently are watched for status changes`);
}

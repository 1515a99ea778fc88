import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { flowRequestAll } from '../../shared/transport';
import { queryParameterListed } from '../../shared/transport/capabilities';
import { flowServiceApi } from '../../shared/transport/request';
import type { Timed } from '../helpers/cursor';
import { SeenWindow, timeOf } from '../helpers/cursor';
import { isFinalOrderStatus, isOrderAdvance, normalizeOrderStatus, orderStatusChange } from '../helpers/events';
import { auditFeedOffered, orderEntriesSince } from './auditFeed';
import type { Change } from './orderItems';
import { itemsFor } from './orderItems';
import { changeTime, openOrders, readOrders } from './orderReads';
import { ORDERS, byListAge, nearNewest, readRecent } from './lists';
import type { Settings } from './settings';
import { commit, param, warn } from './settings';
import { MAX_OPEN } from './state';

/**
 * Order Status Changed and Report Signed (an order reaching `completed` is a signed report,
 * docs/flow-api.md §5.1/§10.1), from documented reads only: the open orders and their last status are
 * kept; each poll compares them with what the list says now. Orders created since the last poll
 * come from the same created_at window as Order Created (so one created and cancelled between two
 * polls is still seen). Without the audit feed a poll sees each order's current status: an order
 * that went created → analyzing → review between two polls is one change, created → review.
 * Where the server offers the feed, its entries add the statuses passed through in between.
 */

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
		// A new order starts as `created` (docs/flow-api.md §9.3: POST /orders → status created).
		const last = changesOf(id, open.get(id) ?? 'created', byOrder.get(id) ?? [], record, changes);
		if (record === null || isFinalOrderStatus(last)) open.delete(id);
		else open.set(id, last);
	}
	for (const r of read.fresh) stored.window.add(r.time, r.id);
	const feedTop = entries.length ? new Date(entries[entries.length - 1].time).toISOString() : stored.feedTop;
	if (open.size > MAX_OPEN) warnOpenCap(ctx);

	const matching = changes.filter((c) => wanted(c.to));
	const items = await itemsFor(ctx, s, matching, read.records);
	commit(s, { window: stored.window, open, feedTop });
	return items;
}

/**
 * The changes of one order since `last`: first the feed's entries (oldest first), then the
 * record's current status. Each counts only if it moves the order forward. Returns the new last status.
 */
function changesOf(
	id: string,
	last: string,
	entries: Array<Timed<IDataObject>>,
	record: IDataObject | null,
	out: Change[],
): string {
	for (const e of entries) {
		const { to } = orderStatusChange(e.entry);
		if (to === null || !isOrderAdvance(last, to)) continue;
		const auditEventId = e.entry.id === undefined || e.entry.id === null ? undefined : String(e.entry.id);
		out.push({
			id,
			from: last,
			to,
			time: new Date(e.time).toISOString(),
			actor: e.entry.actor_email ?? null,
			auditEventId,
		});
		last = to;
	}
	const now = record ? normalizeOrderStatus(record.status) : null;
	if (record && now !== null && isOrderAdvance(last, now)) {
		out.push({ id, from: last, to: now, time: changeTime(record) });
		last = now;
	}
	return last;
}

/** Which statuses the event reports: To Status (empty = every change), or `completed` (signed). */
type Wanted = ((status: string | null) => boolean) & { statuses?: string[] };

function wantedStatuses(ctx: IPollFunctions, s: Settings): Wanted {
	const chosen = s.event === 'reportSigned' ? ['completed'] : ((param(ctx, 'toStatuses', []) as string[]) ?? []);
	const wanted: Wanted = (status) =>
		status !== null && status !== 'created' && (!chosen.length || chosen.includes(status));
	if (chosen.length) wanted.statuses = chosen;
	return wanted;
}

/**
 * First activation: remember the open orders, the created_at window and where the feed stands;
 * emit nothing. With "Emit Existing on First Poll", each order already past `created` is emitted
 * once with its current status (`from` null: the earlier ones are not known).
 */
async function firstPoll(
	ctx: IPollFunctions,
	s: Settings,
	wanted: Wanted,
	feed: boolean,
): Promise<INodeExecutionData[]> {
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
			if (to !== null && wanted(to)) existing.push({ id: r.id, from: null, to, time: changeTime(r.entry) });
		}
		const records = new Map<string, IDataObject | null>([...all].map(([id, r]) => [id, r.entry]));
		items = await itemsFor(ctx, s, existing, records);
	}
	commit(s, { window, open, feedTop });
	return items;
}

/** "Fetch Test Event": the order that most recently reached a wanted status (per the lists). */
async function latestMatching(ctx: IPollFunctions, s: Settings, wanted: Wanted): Promise<INodeExecutionData[]> {
	const api = await flowServiceApi(ctx, ORDERS.service);
	const base = { service: ORDERS.service, path: ORDERS.path, project: 'required' as const, projectId: s.projectId };
	const statuses = wanted.statuses;
	const lists =
		statuses && queryParameterListed(api, 'GET', ORDERS.path, 'status')
			? await Promise.all(
					statuses.map(
						async (status) => await flowRequestAll.call(ctx, { ...base, qs: { status }, returnAll: false, limit: 100 }),
					),
				)
			: [await flowRequestAll.call(ctx, { ...base, returnAll: false, limit: 1000 })];
	let best: IDataObject | undefined;
	for (const order of lists.flat()) {
		const status = normalizeOrderStatus(order.status);
		if (!wanted(status)) continue;
		if (!best || (timeOf(changeTime(order)) ?? 0) > (timeOf(changeTime(best)) ?? 0)) best = order;
	}
	if (!best) return [];
	const change = {
		id: String(best.id),
		from: null,
		to: normalizeOrderStatus(best.status) as string,
		time: changeTime(best),
	};
	return await itemsFor(ctx, s, [change], new Map([[change.id, best]]));
}

function warnOpenCap(ctx: IPollFunctions): void {
	warn(
		ctx,
		`more than ${MAX_OPEN} orders are open at once: only the ${MAX_OPEN} followed most recently are watched for status changes`,
	);
}

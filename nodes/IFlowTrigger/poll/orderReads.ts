import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { flowRequest } from '../../shared/transport';
import { queryParameterListed } from '../../shared/transport/capabilities';
import { flowServiceApi } from '../../shared/transport/request';
import type { Timed } from '../helpers/cursor';
import { OPEN_ORDER_STATUSES, isFinalOrderStatus, normalizeOrderStatus } from '../helpers/events';
import { ORDERS, byListAge, readList, readRecent, timedRecords, warnIfGap } from './lists';
import type { Settings } from './settings';
import { asNodeError, inBatches, isRecordNotFound } from './settings';
import type { TriggerState } from './state';

export interface OrderRead {
	/** Orders by id as read this poll; null = gone (404). */
	records: Map<string, IDataObject | null>;
	fresh: Array<Timed<IDataObject>>;
}

/**
 * The orders this poll needs: the newest ones (down to the window's bound: new orders), and every
 * open order. Open orders older than the newest page come from the list filtered by each open
 * status (a documented filter); what is still missing left the open statuses (or was deleted)
 * and is read by id.
 */
export async function readOrders(
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
export async function openOrders(ctx: IPollFunctions, projectId: string): Promise<Array<Timed<IDataObject>>> {
	const api = await flowServiceApi(ctx, ORDERS.service);
	const base = { service: ORDERS.service, path: ORDERS.path, projectId };
	// An open order beyond what a list can give (no offset, over 1000) is then read by id.
	const lists = queryParameterListed(api, 'GET', ORDERS.path, 'status')
		? await Promise.all(OPEN_ORDER_STATUSES.map(async (status) => await readList(ctx, { ...base, qs: { status } })))
		: [await readList(ctx, base)];
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

/** When the order last changed: updated_at, else created_at (documented fields, docs/flow-api.md §9.3). */
export function changeTime(record: IDataObject): string {
	return String(record.updated_at ?? record.created_at ?? new Date().toISOString());
}

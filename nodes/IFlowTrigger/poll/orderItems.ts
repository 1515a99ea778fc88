import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { slugify } from '../../shared/helpers';
import { queryParameterListed, routeListed } from '../../shared/transport/capabilities';
import { flowServiceApi } from '../../shared/transport/request';
import { timeOf } from '../helpers/cursor';
import type { EventInfo } from '../helpers/events';
import { missingItem, recordItem } from './items';
import { readList } from './lists';
import type { Settings } from './settings';
import { inBatches } from './settings';

/** One status change of one order, as found by a poll. */
export interface Change {
	id: string;
	/** null: not known (Emit Existing, Fetch Test Event). */
	from: string | null;
	to: string;
	time: string;
	actor?: unknown;
	auditEventId?: string;
}

/** Output items, oldest change first. Report Signed attaches the report where the server has one. */
export async function itemsFor(
	ctx: IPollFunctions,
	s: Settings,
	changes: Change[],
	records: Map<string, IDataObject | null>,
): Promise<INodeExecutionData[]> {
	const sorted = [...changes].sort((a, b) => (timeOf(a.time) ?? 0) - (timeOf(b.time) ?? 0));
	const reports =
		s.event === 'reportSigned'
			? await signedReports(
					ctx,
					s.projectId,
					sorted.map((c) => c.id),
				)
			: undefined;
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
 * reference: docs/flow-api.md §10.1 documents only browser routes). Otherwise the item is the completed order.
 */
async function signedReports(
	ctx: IPollFunctions,
	projectId: string,
	orderIds: string[],
): Promise<Map<string, IDataObject>> {
	const found = new Map<string, IDataObject>();
	const api = await flowServiceApi(ctx, 'report');
	if (!orderIds.length || !routeListed(api, 'GET', '/reports')) return found;
	const base = { service: 'report' as const, path: '/reports', projectId };
	// Filtered by order where the server lists the filter, otherwise one read of the list.
	const byOrder = queryParameterListed(api, 'GET', '/reports', 'order_id');
	const all = byOrder ? [] : await readList(ctx, base);
	const lists = await inBatches(orderIds, async (orderId) =>
		byOrder
			? await readList(ctx, { ...base, qs: { order_id: orderId } })
			: all.filter((r) => String(r.order_id) === orderId),
	);
	orderIds.forEach((orderId, i) => {
		const signed = lists[i].filter((r) => r.status === 'signed');
		const report = signed[signed.length - 1] ?? lists[i][0];
		if (report) found.set(orderId, report);
	});
	return found;
}

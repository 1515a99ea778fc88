import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { flowRequest, listItems } from '../../shared/transport';
import type { FeedCursor } from '../helpers/cursor';
import { EMPTY_CURSOR, advanceCursor, copyCursor, isAfterCursor, timeOf } from '../helpers/cursor';
import type { AuditEvent } from '../helpers/events';

export const AUDIT_PAGE_SIZE = 100;
export const AUDIT_MAX_PAGES = 50;

interface FeedQuery {
	projectId: string;
	/** Server-side filter; the action filter is applied here (not every feed may filter by action). */
	entityType?: string;
	pageSize?: number;
	maxPages?: number;
}

async function readPage(
	ctx: IPollFunctions,
	query: FeedQuery,
	order: 'asc' | 'desc',
	offset: number,
	from: string | null,
): Promise<AuditEvent[]> {
	const qs: IDataObject = { order, limit: query.pageSize ?? AUDIT_PAGE_SIZE, offset };
	if (query.entityType) qs.entity_type = query.entityType;
	if (from) qs.from = from;
	const body = await flowRequest.call(ctx, {
		service: 'audit',
		method: 'GET',
		path: '/events',
		qs,
		project: 'required',
		projectId: query.projectId,
	});
	return listItems(body) as AuditEvent[];
}

/**
 * Pages of audit events after `from`, oldest first, each with the cursor standing just past it.
 * `from` is sent as the inclusive lower bound and the ids already returned at that time are
 * skipped. Stops at a short page or after `maxPages`; the caller stops earlier when out of time.
 */
export async function* auditPagesAfter(
	ctx: IPollFunctions,
	query: FeedQuery,
	from: FeedCursor,
): AsyncGenerator<{ events: AuditEvent[]; cursor: FeedCursor }> {
	const pageSize = query.pageSize ?? AUDIT_PAGE_SIZE;
	const cursor = copyCursor(from);
	let previous = -Infinity;
	let offset = 0;
	for (let page = 0; page < (query.maxPages ?? AUDIT_MAX_PAGES); page++) {
		const rows = await readPage(ctx, query, 'asc', offset, from.time);
		const events: AuditEvent[] = [];
		for (const row of rows) {
			const time = timeOf(row.occurred_at);
			if (time === undefined || !row.id) continue; // cannot be placed in time: not an event we can track
			if (time < previous) {
				throw new NodeOperationError(ctx.getNode(), 'The iFlow audit feed did not return events oldest first', {
					description: 'The trigger reads the feed with order=asc; without it, events could be missed.',
				});
			}
			previous = time;
			if (!isAfterCursor(from, time, String(row.id))) continue;
			advanceCursor(cursor, time, String(row.id));
			events.push(row);
		}
		yield { events, cursor: copyCursor(cursor) };
		if (rows.length < pageSize) return;
		offset += rows.length;
	}
}

/** A cursor at the newest event of the project (first activation: later events are new). */
export async function cursorAtLatestEvent(ctx: IPollFunctions, query: FeedQuery): Promise<FeedCursor> {
	const pageSize = query.pageSize ?? AUDIT_PAGE_SIZE;
	let newest: number | undefined;
	const ids: string[] = [];
	for (let page = 0, offset = 0; page < (query.maxPages ?? AUDIT_MAX_PAGES); page++) {
		const rows = await readPage(ctx, query, 'desc', offset, null);
		for (const row of rows) {
			const time = timeOf(row.occurred_at);
			if (time === undefined || !row.id) continue;
			newest ??= time;
			if (time !== newest) return { time: new Date(newest).toISOString(), ids };
			ids.push(String(row.id));
		}
		if (rows.length < pageSize) break;
		offset += rows.length;
	}
	return newest === undefined ? copyCursor(EMPTY_CURSOR) : { time: new Date(newest).toISOString(), ids };
}

/** Newest events first, page by page (manual "Fetch Test Event"). */
export async function* auditPagesNewestFirst(ctx: IPollFunctions, query: FeedQuery): AsyncGenerator<AuditEvent[]> {
	const pageSize = query.pageSize ?? AUDIT_PAGE_SIZE;
	for (let page = 0, offset = 0; page < (query.maxPages ?? AUDIT_MAX_PAGES); page++) {
		const rows = await readPage(ctx, query, 'desc', offset, null);
		yield rows;
		if (rows.length < pageSize) return;
		offset += rows.length;
	}
}

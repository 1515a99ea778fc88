import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { queryParameterListed, routeListed } from '../../shared/transport/capabilities';
import { flowServiceApi } from '../../shared/transport/request';
import type { Timed } from '../helpers/cursor';
import { byTime, timeOf } from '../helpers/cursor';
import { readList } from './lists';

// The audit feed (`GET /audit/api/v1/events`) is not in the published reference (docs/flow-api.md §10.3: an
// emulator stub, "not for client nodes"). It is read only when the server's own /openapi.json
// lists it, and only to add what the lists cannot show: statuses an order passed through between
// two polls. Nothing depends on its order, its paging or the shape of its `changes`.

const FEED = { service: 'audit' as const, method: 'GET', path: '/events' };

export async function auditFeedOffered(ctx: IPollFunctions): Promise<boolean> {
	return routeListed(await flowServiceApi(ctx, FEED.service), FEED.method, FEED.path);
}

/**
 * Order entries of the feed at or after `since` (everything when null), oldest first, ties by
 * id. `since` is sent as `from` when the server lists it and applied here in any case.
 */
export async function orderEntriesSince(
	ctx: IPollFunctions,
	projectId: string,
	since: string | null,
): Promise<Array<Timed<IDataObject>>> {
	const api = await flowServiceApi(ctx, FEED.service);
	const listed = (name: string) => queryParameterListed(api, FEED.method, FEED.path, name);
	const qs: IDataObject = {};
	if (since && listed('from')) qs.from = since;
	if (listed('order')) qs.order = 'asc';
	if (listed('entity_type')) qs.entity_type = 'order';
	const rows = await readList(ctx, { service: FEED.service, path: FEED.path, projectId, qs });
	const from = timeOf(since) ?? -Infinity;
	const seen = new Set<string>();
	const entries: Array<Timed<IDataObject>> = [];
	for (const row of rows) {
		const time = timeOf(row?.occurred_at ?? row?.timestamp ?? row?.created_at);
		const entity = row?.entity_id;
		if (time === undefined || time < from || entity === undefined || entity === null || entity === '') continue;
		if (String(row.entity_type ?? 'order').toLowerCase() !== 'order') continue;
		const id = row.id === undefined || row.id === null ? JSON.stringify(row) : String(row.id);
		if (seen.has(id)) continue;
		seen.add(id);
		entries.push({ time, id, entry: row });
	}
	return entries.sort(byTime);
}

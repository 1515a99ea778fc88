import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { flowRequestAll } from '../../shared/transport';
import type { FlowService } from '../../shared/transport';
import { queryParameterListed } from '../../shared/transport/capabilities';
import { flowServiceApi } from '../../shared/transport/request';
import type { SeenWindow, Timed } from '../helpers/cursor';
import { LOOKBACK_MS, timeOf } from '../helpers/cursor';
import { warn } from './settings';

/** A documented project list (`GET /orders`, `/samples`, `/runs`) and the field that places a record in time. */
export interface ListSource {
	service: FlowService;
	path: string;
	timeField: string;
}

export const ORDERS: ListSource = { service: 'miner', path: '/orders', timeField: 'created_at' };
export const SAMPLES: ListSource = { service: 'miner', path: '/samples', timeField: 'created_at' };
export const RUNS: ListSource = { service: 'compute', path: '/runs', timeField: 'created_at' };

/** Window sizes tried before the whole list: a poll with nothing new is one request of 100. */
const WINDOW_STEPS = [100, 1000];
/** Page size where the server pages with `offset` (the reference's inferred maximum `limit`). */
export const PAGE_SIZE = 1000;

export interface RecentRecords {
	records: Array<Timed<IDataObject>>;
}

/** Records with an id and a time, each id once (a list paged while it changes can repeat one). */
export function timedRecords(rows: IDataObject[], timeField: string): Array<Timed<IDataObject>> {
	const seen = new Set<string>();
	const out: Array<Timed<IDataObject>> = [];
	rows.forEach((row, position) => {
		const id = row?.id === undefined || row.id === null ? '' : String(row.id);
		const time = timeOf(row?.[timeField]);
		if (!id || time === undefined || seen.has(id)) return;
		seen.add(id);
		out.push({ time, id, entry: row, position });
	});
	return out;
}

/**
 * Oldest first. Records created in the same second keep the order the server listed them in
 * (newest first, so a later position is older); that order only breaks ties, nothing depends on it.
 */
export function byListAge(a: Timed<unknown>, b: Timed<unknown>): number {
	return a.time - b.time || (b.position ?? 0) - (a.position ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether a page is ordered newest first (ties allowed). */
function newestFirst(records: Array<Timed<IDataObject>>): boolean {
	for (let i = 1; i < records.length; i++) if (records[i].time > records[i - 1].time) return false;
	return true;
}

/**
 * Every record of a list newer than `bound(records)`, read with as small a `limit` as will do.
 * Flow lists newest first (docs/flow-api.md §4.4), so a page that is in that order and reaches the
 * bound holds everything newer; this is checked on the page itself, not assumed. A short page
 * is the whole list. Otherwise the whole list is read where the server pages with `offset`;
 * without it the page of 1000 is all there is (see warnIfGap). `bound` gets the records read
 * so far (a first activation wants what is near the newest one).
 */
export async function readRecent(
	ctx: IPollFunctions,
	projectId: string,
	source: ListSource,
	bound: (records: Array<Timed<IDataObject>>) => number,
): Promise<RecentRecords> {
	const request = {
		service: source.service,
		path: source.path,
		project: 'required' as const,
		projectId,
	};
	let records: Array<Timed<IDataObject>> = [];
	for (const limit of WINDOW_STEPS) {
		const rows = await flowRequestAll.call(ctx, { ...request, returnAll: false, limit, pageSize: limit });
		records = placedInTime(ctx, rows, source);
		if (rows.length < limit) return { records };
		const below = bound(records);
		if (newestFirst(records) && records.some((r) => r.time <= below)) return { records };
	}
	// Without `offset` the server cannot give more than that one large page.
	const api = await flowServiceApi(ctx, source.service);
	if (!queryParameterListed(api, 'GET', source.path, 'offset')) return { records };
	const rows = await readList(ctx, { ...request, service: source.service });
	return { records: placedInTime(ctx, rows, source) };
}

export interface ListRead {
	service: FlowService;
	path: string;
	projectId: string;
	qs?: IDataObject;
}

/**
 * A whole list: paged with `offset` where the server lists it, otherwise one request of
 * PAGE_SIZE. Never a larger `limit`: 1000 is the reference's (inferred) maximum, and a server
 * enforcing it refuses more (422).
 */
export async function readList(ctx: IPollFunctions, read: ListRead): Promise<IDataObject[]> {
	const api = await flowServiceApi(ctx, read.service);
	const request = { ...read, project: 'required' as const, pageSize: PAGE_SIZE };
	if (queryParameterListed(api, 'GET', read.path, 'offset')) {
		return await flowRequestAll.call(ctx, { ...request, returnAll: true });
	}
	return await flowRequestAll.call(ctx, { ...request, returnAll: false, limit: PAGE_SIZE });
}

/** "Fetch Test Event": one page of the newest records (up to 1000), never the whole list. */
export async function readNewest(
	ctx: IPollFunctions,
	projectId: string,
	source: ListSource,
): Promise<Array<Timed<IDataObject>>> {
	const limit = WINDOW_STEPS[WINDOW_STEPS.length - 1];
	const rows = await flowRequestAll.call(ctx, {
		service: source.service,
		path: source.path,
		project: 'required',
		projectId,
		returnAll: false,
		limit,
		pageSize: limit,
	});
	return placedInTime(ctx, rows, source);
}

/** A list whose records cannot be placed in time cannot tell new from old: say so, never guess. */
function placedInTime(ctx: IPollFunctions, rows: IDataObject[], source: ListSource): Array<Timed<IDataObject>> {
	const records = timedRecords(rows, source.timeField);
	if (rows.length > 0 && records.length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The records of GET ${source.path} have no usable id and ${source.timeField}, so the trigger cannot tell new ones from old ones`,
		);
	}
	return records;
}

/** The newest time among records, or -Infinity. */
export function newestTime(records: Array<Timed<unknown>>): number {
	let newest = -Infinity;
	for (const r of records) if (r.time > newest) newest = r.time;
	return newest;
}

/** Bound for a read that needs what lies within the lookback of the newest record. */
export const nearNewest = (records: Array<Timed<unknown>>): number => newestTime(records) - LOOKBACK_MS;

/**
 * Say so when new records may have been missed: every record the read returned is new, none of
 * those seen before is among them, so the server gave fewer than there are (it cannot page, or it
 * caps the page size below what was asked). The newest are emitted; older new ones cannot be read.
 */
export function warnIfGap(ctx: IPollFunctions, source: ListSource, recent: RecentRecords, window: SeenWindow): void {
	if (window.isEmpty || !recent.records.length) return;
	if (recent.records.some((r) => !window.isNew(r.time, r.id))) return;
	warn(
		ctx,
		`all ${recent.records.length} records GET ${source.path} returned are new since the last poll: more may have been created than this iFlow server returns at once (it offers no offset parameter, or caps the page size). Older new ones could not be read; poll more often.`,
	);
}

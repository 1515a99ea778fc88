import type { IDataObject } from 'n8n-workflow';

export type TriggerEvent =
	| 'fileAdded'
	| 'orderCreated'
	| 'orderStatusChanged'
	| 'reportSigned'
	| 'runFinished'
	| 'sampleCreated';

export type RunOutcome = 'any' | 'cancelled' | 'failed' | 'succeeded';

/** The event object put on every output item. */
export interface EventInfo extends IDataObject {
	type: TriggerEvent;
	time: string;
	from: string | null;
	to: string | null;
}

// ---- Orders (docs/flow-api.md §5.1) ----

/** Legacy order statuses and the current ones they stand for. */
const LEGACY_ORDER_STATUS: Record<string, string> = {
	ready_for_review: 'review',
	reviewed: 'sign_off',
	signed_off: 'completed',
	amended: 'completed',
};

/**
 * Position of each current status on the forward-only order path. A change is reported only
 * when an order moves to a later position, so a status read twice (from the list and from the
 * audit feed, or from a feed entry read again) is never reported twice, and never backwards.
 */
const ORDER_STATUS_RANK: Record<string, number> = {
	created: 0,
	analyzing: 1,
	review: 2,
	sign_off: 3,
	completed: 4,
	cancelled: 4,
};

export const OPEN_ORDER_STATUSES = ['created', 'analyzing', 'review', 'sign_off'];

export function normalizeOrderStatus(status: unknown): string | null {
	if (typeof status !== 'string' || !status) return null;
	return LEGACY_ORDER_STATUS[status] ?? status;
}

export function isKnownOrderStatus(status: string | null): status is string {
	return status !== null && ORDER_STATUS_RANK[status] !== undefined;
}

export function isFinalOrderStatus(status: string | null): boolean {
	return status === 'completed' || status === 'cancelled';
}

/** Whether moving from `last` to `next` is a new change (forward; unknown statuses: any difference). */
export function isOrderAdvance(last: string | null, next: string | null): boolean {
	if (next === null || next === last) return false;
	if (last === null) return true;
	const a = ORDER_STATUS_RANK[last];
	const b = ORDER_STATUS_RANK[next];
	return a === undefined || b === undefined || b > a;
}

// ---- Audit feed entries (beyond the reference; used only where the server lists it) ----

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** A status read from a value that may be the status itself or a record holding it. */
const statusIn = (value: unknown): string | null =>
	str(value) ?? (value && typeof value === 'object' ? str((value as IDataObject).status) : null);

const FROM_KEYS = ['from', 'old', 'before', 'previous', 'old_value', 'from_status', 'old_status', 'previous_status'];
const TO_KEYS = ['to', 'new', 'after', 'current', 'new_value', 'to_status', 'new_status', 'status'];

function readPair(value: unknown): { from: string | null; to: string | null } | undefined {
	if (Array.isArray(value)) {
		return value.length
			? { from: value.length > 1 ? statusIn(value[0]) : null, to: statusIn(value[value.length - 1]) }
			: undefined;
	}
	if (typeof value === 'string') return { from: null, to: str(value) };
	if (!value || typeof value !== 'object') return undefined;
	const record = value as IDataObject;
	const first = (keys: string[]) => keys.map((k) => statusIn(record[k])).find((s) => s !== null) ?? null;
	const to = first(TO_KEYS);
	return to === null ? undefined : { from: first(FROM_KEYS), to };
}

/**
 * The order status change an audit entry records, in whatever shape the feed writes it:
 * `changes.status` as `[old, new]`, `{from, to}`, `{old, new}`, `{before, after}` or the new status
 * alone; `changes` itself as `{from, to}`…; `changes.before/after.status`; or `before`/`after`
 * records on the entry. Only real order statuses count (legacy names mapped); `to` is null when
 * the entry does not say, and the order record then tells.
 */
export function orderStatusChange(entry: IDataObject): { from: string | null; to: string | null } {
	const changes = entry.changes && typeof entry.changes === 'object' ? (entry.changes as IDataObject) : {};
	const candidates = [
		changes.status,
		changes,
		{ from: changes.before, to: changes.after },
		{ from: entry.before, to: entry.after },
		{ from: entry.from_status ?? entry.old_status, to: entry.to_status ?? entry.new_status },
	];
	for (const candidate of candidates) {
		const pair = readPair(candidate);
		const to = normalizeOrderStatus(pair?.to);
		if (!isKnownOrderStatus(to)) continue;
		const from = normalizeOrderStatus(pair?.from);
		return { from: isKnownOrderStatus(from) ? from : null, to };
	}
	return { from: null, to: null };
}

// ---- Runs (docs/flow-api.md §5.5) ----

/** How a run ended, or null while it is still going (unknown values count as still running). */
export function runOutcome(status: unknown): Exclude<RunOutcome, 'any'> | null {
	const value = typeof status === 'string' ? status.toLowerCase() : '';
	if (value === 'succeeded' || value === 'failed') return value;
	if (value === 'cancelled' || value === 'canceled') return 'cancelled';
	return null;
}

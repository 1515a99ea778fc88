/**
 * Position in a time-ordered feed: the newest time seen and the ids seen at exactly that time.
 * Feeds are read with an inclusive lower bound (`from`), so ties at the cursor time are skipped
 * by id instead of being lost (an exclusive bound drops a late twin written in the same instant).
 */
export interface FeedCursor {
	/** ISO time of the newest entry returned; null = nothing seen yet (the feed was empty). */
	time: string | null;
	/** Ids of the entries returned whose time equals `time`. */
	ids: string[];
}

export const EMPTY_CURSOR: FeedCursor = { time: null, ids: [] };

/** Epoch milliseconds of a Flow timestamp (ISO, Python-style microseconds too), or undefined. */
export function timeOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || !value) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/** Whether an entry at `time` with `id` comes after the cursor (was not returned before). */
export function isAfterCursor(cursor: FeedCursor, time: number, id: string): boolean {
	const at = timeOf(cursor.time);
	if (at === undefined) return true;
	return time > at || (time === at && !cursor.ids.includes(id));
}

/** A working copy that `advanceCursor` may change in place. */
export function copyCursor(cursor: FeedCursor): FeedCursor {
	return { time: cursor.time, ids: [...cursor.ids] };
}

/** Move a working cursor past one returned entry (entries arrive in ascending time). */
export function advanceCursor(cursor: FeedCursor, time: number, id: string): void {
	const at = timeOf(cursor.time);
	if (at === undefined || time > at) {
		cursor.time = new Date(time).toISOString();
		cursor.ids = [id];
	} else if (time === at && !cursor.ids.includes(id)) {
		cursor.ids.push(id);
	}
}

export interface Timed<T> {
	time: number;
	id: string;
	entry: T;
}

/** Entries of an unordered listing that come after the cursor, oldest first (ties by id). */
export function newSinceCursor<T>(cursor: FeedCursor, entries: Array<Timed<T>>): Array<Timed<T>> {
	return entries
		.filter((e) => isAfterCursor(cursor, e.time, e.id))
		.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A cursor standing at the newest entries of a listing (first activation: emit nothing). */
export function cursorAtNewest<T>(entries: Array<Timed<T>>): FeedCursor {
	const cursor = copyCursor(EMPTY_CURSOR);
	for (const e of [...entries].sort((a, b) => a.time - b.time)) advanceCursor(cursor, e.time, e.id);
	return cursor;
}

/** A stored cursor read back from static data; anything malformed counts as absent. */
export function readStoredCursor(value: unknown): FeedCursor | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const { time, ids } = value as { time?: unknown; ids?: unknown };
	if (time !== null && timeOf(time) === undefined) return undefined;
	if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) return undefined;
	return { time: time as string | null, ids: [...(ids as string[])] };
}

import {
	EMPTY_CURSOR,
	advanceCursor,
	copyCursor,
	cursorAtNewest,
	isAfterCursor,
	newSinceCursor,
	readStoredCursor,
	timeOf,
} from '../../../nodes/IFlowTrigger/helpers/cursor';
import type { FeedCursor, Timed } from '../../../nodes/IFlowTrigger/helpers/cursor';

const T = Date.parse('2026-01-13T10:00:00.000Z');
const at = (ms: number) => new Date(T + ms).toISOString();
const entry = (ms: number, id: string): Timed<null> => ({ time: T + ms, id, entry: null });

describe('timeOf', () => {
	test('reads ISO and Python-style microsecond timestamps to the millisecond', () => {
		expect(timeOf('2026-01-12T16:40:03.221000+00:00')).toBe(Date.parse('2026-01-12T16:40:03.221Z'));
		expect(timeOf('2026-01-13T10:15:02Z')).toBe(Date.parse('2026-01-13T10:15:02Z'));
	});
	test('anything else is undefined', () => {
		for (const bad of [undefined, null, '', 'yesterday', 12]) expect(timeOf(bad)).toBeUndefined();
	});
});

describe('isAfterCursor', () => {
	const cursor: FeedCursor = { time: at(0), ids: ['a', 'b'] };
	test('later entries are new, earlier ones are not', () => {
		expect(isAfterCursor(cursor, T + 1, 'x')).toBe(true);
		expect(isAfterCursor(cursor, T - 1, 'x')).toBe(false);
	});
	test('at the cursor time only ids not returned yet are new', () => {
		expect(isAfterCursor(cursor, T, 'a')).toBe(false);
		expect(isAfterCursor(cursor, T, 'c')).toBe(true);
	});
	test('an empty cursor lets everything through', () => {
		expect(isAfterCursor(EMPTY_CURSOR, 0, 'a')).toBe(true);
	});
});

describe('advanceCursor', () => {
	test('a newer time replaces the ids, the same time adds to them, an older one changes nothing', () => {
		const c = copyCursor(EMPTY_CURSOR);
		advanceCursor(c, T, 'a');
		expect(c).toEqual({ time: at(0), ids: ['a'] });
		advanceCursor(c, T, 'b');
		advanceCursor(c, T, 'b');
		expect(c).toEqual({ time: at(0), ids: ['a', 'b'] });
		advanceCursor(c, T + 5, 'c');
		expect(c).toEqual({ time: at(5), ids: ['c'] });
		advanceCursor(c, T, 'd');
		expect(c).toEqual({ time: at(5), ids: ['c'] });
	});
	test('copies do not share ids with the original', () => {
		const original: FeedCursor = { time: at(0), ids: ['a'] };
		const copy = copyCursor(original);
		advanceCursor(copy, T, 'b');
		expect(original.ids).toEqual(['a']);
		expect(EMPTY_CURSOR).toEqual({ time: null, ids: [] });
	});
});

describe('listings', () => {
	const listing = [entry(5, 'z'), entry(0, 'a'), entry(5, 'b'), entry(9, 'c')];
	test('newSinceCursor: new entries oldest first, ties by id', () => {
		expect(newSinceCursor({ time: at(5), ids: ['z'] }, listing).map((e) => e.id)).toEqual(['b', 'c']);
		expect(newSinceCursor(EMPTY_CURSOR, listing).map((e) => e.id)).toEqual(['a', 'b', 'z', 'c']);
	});
	test('cursorAtNewest stands at the newest time with all its ids', () => {
		expect(cursorAtNewest([entry(5, 'z'), entry(5, 'b'), entry(1, 'a')])).toEqual({ time: at(5), ids: ['z', 'b'] });
		expect(cursorAtNewest([])).toEqual(EMPTY_CURSOR);
	});
	test('a cursor at the newest entries finds nothing new in the same listing', () => {
		expect(newSinceCursor(cursorAtNewest(listing), listing)).toEqual([]);
	});
});

describe('readStoredCursor', () => {
	test('round-trips what was stored', () => {
		expect(readStoredCursor({ time: at(0), ids: ['a'] })).toEqual({ time: at(0), ids: ['a'] });
		expect(readStoredCursor({ time: null, ids: [] })).toEqual(EMPTY_CURSOR);
	});
	test('malformed data counts as no cursor', () => {
		for (const bad of [undefined, 'x', {}, { time: 'soon', ids: [] }, { time: at(0) }, { time: at(0), ids: [1] }]) {
			expect(readStoredCursor(bad)).toBeUndefined();
		}
	});
});

import {
	LOOKBACK_MS,
	MAX_REMEMBERED,
	SeenWindow,
	byTime,
	compactId,
	timeOf,
} from '../../../nodes/IFlowTrigger/helpers/cursor';

const T = Date.parse('2026-01-13T10:00:00.000Z');

describe('timeOf', () => {
	test('reads ISO and Python-style microsecond timestamps to the millisecond', () => {
		expect(timeOf('2026-01-12T16:40:03.221000+00:00')).toBe(Date.parse('2026-01-12T16:40:03.221Z'));
		expect(timeOf('2026-01-13T10:15:02Z')).toBe(Date.parse('2026-01-13T10:15:02Z'));
	});
	test('anything else is undefined', () => {
		for (const bad of [undefined, null, '', 'yesterday', 12]) expect(timeOf(bad)).toBeUndefined();
	});
});

describe('compactId', () => {
	test('same id, same key; at most 11 characters whatever the id length; no spaces', () => {
		const long = 'x'.repeat(5000);
		expect(compactId(long)).toBe(compactId(long));
		expect(compactId(long).length).toBeLessThanOrEqual(11);
		expect(compactId('a b')).not.toContain(' ');
	});
	test('no two of 100,000 ids share a key', () => {
		const keys = new Set<string>();
		for (let i = 0; i < 100_000; i++) keys.add(compactId(`9e4b1c7a-2f60-4d8e-b3a1-${String(i).padStart(12, '0')}`));
		expect(keys.size).toBe(100_000);
	});
});

describe('SeenWindow', () => {
	test('an empty window takes everything as new', () => {
		const w = SeenWindow.empty();
		expect(w.isEmpty).toBe(true);
		expect(w.lowerBound()).toBe(-Infinity);
		expect(w.isNew(0, 'a')).toBe(true);
	});

	test('ids seen at an instant are known; a twin at the same instant is new', () => {
		const w = SeenWindow.empty();
		w.add(T, 'a');
		w.add(T, 'b');
		expect(w.isNew(T, 'a')).toBe(false);
		expect(w.isNew(T, 'c')).toBe(true);
		expect(w.isNew(T + 1000, 'a')).toBe(true); // a replaced file: same path, later time
	});

	test('a record that shows up late, within the lookback, is new; older than that is seen', () => {
		const w = SeenWindow.empty();
		w.add(T, 'a');
		expect(w.isNew(T - 1000, 'late')).toBe(true);
		expect(w.isNew(T - LOOKBACK_MS, 'old')).toBe(false);
	});

	test('survives static data (JSON) and keeps only what the lookback needs', () => {
		const w = SeenWindow.empty();
		w.add(T - LOOKBACK_MS - 1, 'gone');
		w.add(T - 5000, 'kept');
		w.add(T, 'top');
		const stored = JSON.parse(JSON.stringify(w.toStored()));
		expect(Object.keys(stored.seen)).toEqual([new Date(T - 5000).toISOString(), new Date(T).toISOString()]);
		const back = SeenWindow.fromStored(stored) as SeenWindow;
		expect(back.isNew(T, 'top')).toBe(false);
		expect(back.isNew(T - 5000, 'kept')).toBe(false);
		expect(back.isNew(T - 5000, 'other')).toBe(true);
		expect(back.remembered).toBe(2);
	});

	test('beyond the cap the oldest instants are forgotten and count as seen: never re-emitted, never stuck', () => {
		const w = SeenWindow.empty();
		for (let i = 0; i < MAX_REMEMBERED; i++) w.add(T - 1000, `old-${i}`);
		for (let i = 0; i < 10; i++) w.add(T, `new-${i}`);
		const back = SeenWindow.fromStored(JSON.parse(JSON.stringify(w.toStored()))) as SeenWindow;
		expect(back.remembered).toBe(10);
		expect(back.isNew(T - 1000, 'old-1')).toBe(false);
		expect(back.isNew(T - 1000, 'late-twin')).toBe(false); // the documented price
		expect(back.isNew(T, 'new-1')).toBe(false);
		expect(back.isNew(T, 'new-twin')).toBe(true);
		expect(back.isNew(T + 1000, 'next')).toBe(true);
	});

	test('one instant holding more than the cap: all of it counts as seen, later ones are new', () => {
		const w = SeenWindow.empty();
		for (let i = 0; i < MAX_REMEMBERED + 1; i++) w.add(T, `tied-${i}`);
		const stored = w.toStored();
		expect(stored.seen).toEqual({});
		expect(stored.floor).toBe(new Date(T).toISOString());
		const back = SeenWindow.fromStored(stored) as SeenWindow;
		expect(back.isNew(T, 'tied-3')).toBe(false);
		expect(back.isNew(T + 1000, 'later')).toBe(true);
	});

	test('upTo: everything at or before the time is seen (a version-1 cursor)', () => {
		const w = SeenWindow.upTo(T);
		expect(w.isNew(T, 'x')).toBe(false);
		expect(w.isNew(T + 1, 'x')).toBe(true);
	});

	test('malformed stored data counts as absent', () => {
		for (const bad of [
			null,
			'x',
			{ top: 'nope', floor: null, seen: {} },
			{ top: null, floor: null },
			{ top: null, floor: null, seen: { bad: 'a' } },
		]) {
			expect(SeenWindow.fromStored(bad)).toBeUndefined();
		}
	});

	test('10,000 lookups among 10,000 tied ids stay fast (a Set per instant, not a list)', () => {
		const w = SeenWindow.empty();
		for (let i = 0; i < 10_000; i++) w.add(T, `id-${i}`);
		let seen = 0;
		for (let i = 0; i < 10_000; i++) if (!w.isNew(T, `id-${i}`)) seen++;
		expect(seen).toBe(10_000);
	});
});

describe('byTime', () => {
	test('oldest first, ties by id', () => {
		const list = [
			{ time: 2, id: 'a', entry: null },
			{ time: 1, id: 'b', entry: null },
			{ time: 1, id: 'a', entry: null },
		];
		expect(list.sort(byTime).map((e) => `${e.time}${e.id}`)).toEqual(['1a', '1b', '2a']);
	});
});

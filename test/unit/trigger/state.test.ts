import type { IDataObject } from 'n8n-workflow';

import { SeenWindow } from '../../../nodes/IFlowTrigger/helpers/cursor';
import { timedRecords } from '../../../nodes/IFlowTrigger/poll/lists';
import { MAX_OPEN, loadState, saveState } from '../../../nodes/IFlowTrigger/poll/state';

const T = '2026-01-13T10:00:00.000Z';

describe('trigger state in static data', () => {
	test('belongs to one event/project/path key and survives JSON', () => {
		const data: IDataObject = {};
		const window = SeenWindow.empty();
		window.add(Date.parse(T), 'o1');
		saveState(data, 'orderStatusChanged:p1', { window, open: new Map([['o2', 'review']]), feedTop: T });
		const copy = JSON.parse(JSON.stringify(data)) as IDataObject;
		const back = loadState(copy, 'orderStatusChanged:p1', 'orderStatusChanged');
		expect(back?.open).toEqual(new Map([['o2', 'review']]));
		expect(back?.feedTop).toBe(T);
		expect(back?.window.isNew(Date.parse(T), 'o1')).toBe(false);
		expect(loadState(copy, 'orderStatusChanged:p2', 'orderStatusChanged')).toBeUndefined();
	});

	test('at most MAX_OPEN open records are kept: the ones followed longest go first', () => {
		const data: IDataObject = {};
		const open = new Map<string, string>();
		for (let i = 0; i < MAX_OPEN + 2; i++) open.set(`o${i}`, 'created');
		saveState(data, 'k', { window: SeenWindow.empty(), open, feedTop: null });
		const kept = Object.keys(data.open as IDataObject);
		expect(kept).toHaveLength(MAX_OPEN);
		expect(kept[0]).toBe('o2');
	});

	describe('version 1 static data (the audit-feed cursor)', () => {
		const v1 = (event: string) => ({ cursorKey: `${event}:p1`, cursor: { time: T, ids: ['evt-1', 'x/a.txt'] } });

		test('created events go on from its time', () => {
			const state = loadState(v1('orderCreated'), 'orderCreated:p1', 'orderCreated');
			expect(state?.window.isNew(Date.parse(T), 'anything')).toBe(false);
			expect(state?.window.isNew(Date.parse(T) + 1000, 'later')).toBe(true);
		});

		test('File Added keeps the object names seen at that time', () => {
			const state = loadState(v1('fileAdded'), 'fileAdded:p1', 'fileAdded');
			expect(state?.window.isNew(Date.parse(T), 'x/a.txt')).toBe(false);
			expect(state?.window.isNew(Date.parse(T), 'x/b.txt')).toBe(true);
		});

		test('status, run and report events start afresh (version 1 had no open set)', () => {
			for (const event of ['orderStatusChanged', 'runFinished', 'reportSigned'] as const) {
				expect(loadState(v1(event), `${event}:p1`, event)).toBeUndefined();
			}
		});

		test('saving replaces the old cursor', () => {
			const data: IDataObject = v1('orderCreated');
			saveState(data, 'orderCreated:p1', { window: SeenWindow.empty(), open: new Map(), feedTop: null });
			expect(data).not.toHaveProperty('cursor');
			expect(data.version).toBe(2);
		});
	});
});

describe('timedRecords', () => {
	test('keeps records with an id and a time, each id once', () => {
		const rows = [
			{ id: 'a', created_at: T },
			{ id: 'a', created_at: T },
			{ id: 'b' },
			{ created_at: T },
			{ id: 'c', created_at: 'soon' },
		];
		expect(timedRecords(rows, 'created_at').map((r) => r.id)).toEqual(['a']);
	});
});

import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { DEFAULT_POLL_BUDGET_MS, loadCursor, pollDeadline, saveCursor } from '../../../nodes/IFlowTrigger/poll/context';
import { folderOf } from '../../../nodes/IFlowTrigger/poll/files';

describe('pollDeadline', () => {
	test('uses part of the budget n8n 2.x reports', () => {
		const ctx = { getPollBudgetMs: () => 10_000 } as unknown as IPollFunctions;
		expect(pollDeadline(ctx, 1_000)).toBe(7_000);
	});
	test('falls back to a default budget on engines without one (1.x)', () => {
		expect(pollDeadline({} as IPollFunctions, 0)).toBe(DEFAULT_POLL_BUDGET_MS * 0.6);
	});
});

describe('stored cursor', () => {
	test('belongs to one event/project/path key', () => {
		const state: IDataObject = {};
		saveCursor(state, 'orderCreated:p1', { time: '2026-01-13T10:00:00.000Z', ids: ['a'] });
		expect(loadCursor(state, 'orderCreated:p1')).toEqual({ time: '2026-01-13T10:00:00.000Z', ids: ['a'] });
		expect(loadCursor(state, 'sampleCreated:p1')).toBeUndefined();
		expect(JSON.parse(JSON.stringify(state))).toEqual(state);
	});
});

describe('folderOf', () => {
	test('lists the folder that holds a path prefix', () => {
		expect(folderOf('analyses/run-')).toBe('analyses/');
		expect(folderOf('analyses/')).toBe('analyses/');
		expect(folderOf('run-')).toBe('');
		expect(folderOf('')).toBe('');
	});
});

import type { IDataObject } from 'n8n-workflow';

import {
	isOrderAdvance,
	normalizeOrderStatus,
	orderStatusChange,
	runOutcome,
} from '../../../nodes/IFlowTrigger/helpers/events';

describe('orderStatusChange reads every plausible feed shape', () => {
	const cases: Array<[string, IDataObject, { from: string | null; to: string | null }]> = [
		[
			'changes.status [old, new]',
			{ changes: { status: ['created', 'analyzing'] } },
			{ from: 'created', to: 'analyzing' },
		],
		[
			'changes.status {from, to}',
			{ changes: { status: { from: 'analyzing', to: 'review' } } },
			{ from: 'analyzing', to: 'review' },
		],
		[
			'changes.status {old, new}',
			{ changes: { status: { old: 'review', new: 'sign_off' } } },
			{ from: 'review', to: 'sign_off' },
		],
		['changes {from, to}', { changes: { from: 'created', to: 'cancelled' } }, { from: 'created', to: 'cancelled' }],
		[
			'changes {old_status, new_status}',
			{ changes: { old_status: 'created', new_status: 'analyzing' } },
			{ from: 'created', to: 'analyzing' },
		],
		[
			'changes.before/after records',
			{ changes: { before: { status: 'review' }, after: { status: 'sign_off' } } },
			{ from: 'review', to: 'sign_off' },
		],
		[
			'before/after on the entry',
			{ before: { status: 'sign_off' }, after: { status: 'completed' } },
			{ from: 'sign_off', to: 'completed' },
		],
		['changes.status: the new one only', { changes: { status: 'review' } }, { from: null, to: 'review' }],
		['legacy names', { changes: { status: ['analyzing', 'ready_for_review'] } }, { from: 'analyzing', to: 'review' }],
		['no status at all', { changes: { comment: 'x' } }, { from: null, to: null }],
		['not an order status', { changes: { from: 'a@b.example', to: 'c@d.example' } }, { from: null, to: null }],
		['no changes', {}, { from: null, to: null }],
	];
	test.each(cases)('%s', (_name, entry, expected) => {
		expect(orderStatusChange(entry)).toEqual(expected);
	});
});

describe('order statuses', () => {
	test('legacy statuses map to current ones', () => {
		expect(normalizeOrderStatus('ready_for_review')).toBe('review');
		expect(normalizeOrderStatus('reviewed')).toBe('sign_off');
		expect(normalizeOrderStatus('signed_off')).toBe('completed');
		expect(normalizeOrderStatus('analyzing')).toBe('analyzing');
		expect(normalizeOrderStatus(undefined)).toBeNull();
	});

	test('a change counts only forward, never twice, never backwards', () => {
		expect(isOrderAdvance('created', 'analyzing')).toBe(true);
		expect(isOrderAdvance('analyzing', 'sign_off')).toBe(true);
		expect(isOrderAdvance('review', 'cancelled')).toBe(true);
		expect(isOrderAdvance('review', 'review')).toBe(false);
		expect(isOrderAdvance('review', 'analyzing')).toBe(false);
		expect(isOrderAdvance('completed', 'cancelled')).toBe(false);
		expect(isOrderAdvance('created', null)).toBe(false);
		expect(isOrderAdvance('on_hold', 'analyzing')).toBe(true); // unknown status: any difference
	});
});

describe('runOutcome', () => {
	test('terminal statuses; anything else is still running', () => {
		expect(runOutcome('succeeded')).toBe('succeeded');
		expect(runOutcome('failed')).toBe('failed');
		expect(runOutcome('cancelled')).toBe('cancelled');
		expect(runOutcome('canceled')).toBe('cancelled');
		for (const other of ['queued', 'running', 'pending', 'submitted', undefined]) expect(runOutcome(other)).toBeNull();
	});
});

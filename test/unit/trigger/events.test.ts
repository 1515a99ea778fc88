import {
	matchAuditEvent,
	normalizeOrderStatus,
	runOutcomeOf,
	statusChange,
} from '../../../nodes/IFlowTrigger/helpers/events';
import type { AuditEvent } from '../../../nodes/IFlowTrigger/helpers/events';

const event = (action: string, changes: AuditEvent['changes'] = {}, entity_id: string | null = 'e1'): AuditEvent => ({
	id: 'evt',
	occurred_at: '2026-01-13T10:00:00.000Z',
	action,
	entity_type: action.split('.')[0],
	entity_id,
	changes,
	actor_email: 'anna.admin@baltic-genomics.example',
});

describe('statusChange', () => {
	test('reads {from, to}, [from, to] and a bare new status', () => {
		expect(statusChange({ status: { from: 'created', to: 'analyzing' } })).toEqual({
			from: 'created',
			to: 'analyzing',
		});
		expect(statusChange({ status: ['running', 'failed'] })).toEqual({ from: 'running', to: 'failed' });
		expect(statusChange({ status: 'review' })).toEqual({ from: null, to: 'review' });
		expect(statusChange(undefined)).toEqual({ from: null, to: null });
	});
	test('legacy order statuses map to current ones', () => {
		expect(normalizeOrderStatus('ready_for_review')).toBe('review');
		expect(normalizeOrderStatus('reviewed')).toBe('sign_off');
		expect(normalizeOrderStatus('signed_off')).toBe('completed');
		expect(normalizeOrderStatus('analyzing')).toBe('analyzing');
		expect(normalizeOrderStatus(undefined)).toBeNull();
	});
});

describe('runOutcomeOf', () => {
	test('from the new status or the action', () => {
		expect(runOutcomeOf(event('run.succeeded', { status: ['running', 'succeeded'] }))).toBe('succeeded');
		expect(runOutcomeOf(event('run.failed'))).toBe('failed');
		expect(runOutcomeOf(event('run.cancel', { status: ['queued', 'cancelled'] }))).toBe('cancelled');
		expect(runOutcomeOf(event('run.cancel'))).toBe('cancelled');
		expect(runOutcomeOf(event('run.start', { status: ['queued', 'running'] }))).toBeNull();
	});
});

describe('matchAuditEvent', () => {
	test('each event listens to its own actions only', () => {
		expect(matchAuditEvent('orderCreated', {}, event('order.create'))).toMatchObject({ type: 'orderCreated' });
		expect(matchAuditEvent('orderCreated', {}, event('order.update'))).toBeNull();
		expect(matchAuditEvent('sampleCreated', {}, event('sample.create'))).toMatchObject({ type: 'sampleCreated' });
		expect(
			matchAuditEvent('reportSigned', {}, event('report.sign', { status: { from: 'approved', to: 'signed' } })),
		).toMatchObject({
			from: 'approved',
			to: 'signed',
		});
		expect(matchAuditEvent('runFinished', {}, event('run.start'))).toBeNull();
	});

	test('entries without an entity id are not events', () => {
		expect(matchAuditEvent('orderCreated', {}, event('order.create', {}, null))).toBeNull();
	});

	test('Order Status Changed: from/to (legacy normalised) and the To Status filter', () => {
		const change = event('order.transition', { status: { from: 'analyzing', to: 'ready_for_review' } });
		expect(matchAuditEvent('orderStatusChanged', {}, change)).toMatchObject({ from: 'analyzing', to: 'review' });
		expect(matchAuditEvent('orderStatusChanged', { toStatuses: ['review'] }, change)).not.toBeNull();
		expect(matchAuditEvent('orderStatusChanged', { toStatuses: ['completed'] }, change)).toBeNull();
	});

	test('Run Finished: outcome filter', () => {
		const failed = event('run.failed', { status: ['running', 'failed'] });
		expect(matchAuditEvent('runFinished', { outcome: 'any' }, failed)).toMatchObject({ from: 'running', to: 'failed' });
		expect(matchAuditEvent('runFinished', { outcome: 'failed' }, failed)).not.toBeNull();
		expect(matchAuditEvent('runFinished', { outcome: 'succeeded' }, failed)).toBeNull();
	});

	test('the event object names the audit entry, its time and actor', () => {
		expect(matchAuditEvent('orderCreated', {}, event('order.create'))).toEqual({
			type: 'orderCreated',
			time: '2026-01-13T10:00:00.000Z',
			from: null,
			to: null,
			auditEventId: 'evt',
			actor: 'anna.admin@baltic-genomics.example',
		});
	});
});

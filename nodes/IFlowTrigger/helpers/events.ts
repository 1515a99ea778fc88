import type { IDataObject } from 'n8n-workflow';

export type TriggerEvent =
	| 'fileAdded'
	| 'orderCreated'
	| 'orderStatusChanged'
	| 'reportSigned'
	| 'runFinished'
	| 'sampleCreated';

export type AuditTriggerEvent = Exclude<TriggerEvent, 'fileAdded'>;

export type RunOutcome = 'any' | 'cancelled' | 'failed' | 'succeeded';

/** One entry of Flow's audit feed (tolerant: only id, time, action, entity are relied on). */
export interface AuditEvent extends IDataObject {
	id: string;
	occurred_at: string;
	action: string;
	entity_type?: string;
	entity_id?: string | null;
	changes?: IDataObject;
	actor_email?: string | null;
}

/** Which audit entries each event listens to. */
export const AUDIT_SOURCES: Record<AuditTriggerEvent, { entityType: string; actions: string[] }> = {
	orderCreated: { entityType: 'order', actions: ['order.create'] },
	orderStatusChanged: { entityType: 'order', actions: ['order.transition'] },
	sampleCreated: { entityType: 'sample', actions: ['sample.create'] },
	runFinished: { entityType: 'run', actions: ['run.succeeded', 'run.failed', 'run.cancel', 'run.cancelled'] },
	reportSigned: { entityType: 'report', actions: ['report.sign'] },
};

/** Legacy order statuses and the current ones they stand for (reference §5.1). */
const LEGACY_ORDER_STATUS: Record<string, string> = {
	ready_for_review: 'review',
	reviewed: 'sign_off',
	signed_off: 'completed',
	amended: 'completed',
};

export function normalizeOrderStatus(status: unknown): string | null {
	if (typeof status !== 'string' || !status) return null;
	return LEGACY_ORDER_STATUS[status] ?? status;
}

/** `{from, to}` of a status change; Flow writes `{status: {from, to}}` or `{status: [from, to]}`. */
export function statusChange(changes: IDataObject | undefined): { from: string | null; to: string | null } {
	const status = changes?.status;
	if (Array.isArray(status)) return { from: str(status[0]), to: str(status[status.length - 1]) };
	if (status && typeof status === 'object') {
		const s = status as IDataObject;
		return { from: str(s.from ?? s.old), to: str(s.to ?? s.new) };
	}
	return { from: null, to: str(status) };
}

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** How a finished run ended, from the audit action (or the recorded new status). */
export function runOutcomeOf(event: AuditEvent): Exclude<RunOutcome, 'any'> | null {
	const to = statusChange(event.changes).to ?? event.action.replace(/^run\./, '');
	if (to === 'succeeded' || to === 'failed') return to;
	if (to === 'cancel' || to === 'cancelled') return 'cancelled';
	return null;
}

export interface EventFilters {
	/** Order Status Changed: only changes into these statuses (empty = any). */
	toStatuses?: string[];
	/** Run Finished: which outcome. */
	outcome?: RunOutcome;
}

/** The event object put on every output item. */
export interface EventInfo extends IDataObject {
	type: TriggerEvent;
	time: string;
	from: string | null;
	to: string | null;
}

/**
 * Whether an audit entry is an occurrence of `type` that passes the filters the audit entry alone
 * can decide (the pipeline filter needs the run record). Returns the event object or null.
 */
export function matchAuditEvent(type: AuditTriggerEvent, filters: EventFilters, event: AuditEvent): EventInfo | null {
	const source = AUDIT_SOURCES[type];
	if (!source.actions.includes(event.action) || !event.entity_id) return null;
	const info: EventInfo = { type, time: event.occurred_at, from: null, to: null };
	if (type === 'orderStatusChanged') {
		const change = statusChange(event.changes);
		info.from = normalizeOrderStatus(change.from);
		info.to = normalizeOrderStatus(change.to);
		if (filters.toStatuses?.length && !filters.toStatuses.includes(info.to ?? '')) return null;
	} else if (type === 'runFinished') {
		const outcome = runOutcomeOf(event);
		if (!outcome) return null;
		const wanted = filters.outcome ?? 'any';
		if (wanted !== 'any' && wanted !== outcome) return null;
		info.from = statusChange(event.changes).from;
		info.to = outcome;
	} else if (type === 'reportSigned') {
		info.from = statusChange(event.changes).from;
		info.to = 'signed';
	}
	info.auditEventId = event.id;
	info.actor = event.actor_email ?? null;
	return info;
}

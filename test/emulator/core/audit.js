// @ts-check
/** Audit trail shared by every service: `ctx.audit({...})` appends to `state.audit_events`. */
import { randomUUID } from 'node:crypto';

/**
 * @typedef {object} AuditInput
 * @property {string} action        e.g. 'run.create', 'order.transition', 'file.upload'
 * @property {string} entity_type   e.g. 'run', 'order', 'file'
 * @property {string | null} [entity_id]
 * @property {string | null} [project_id]
 * @property {Record<string, any>} [changes]
 */

/**
 * @param {any} state @param {import('./clock.js').Clock} clock
 * @param {{ user?: any, ip?: string | null, service?: string }} who
 * @param {AuditInput} input
 */
export function recordAudit(state, clock, who, input) {
	const events = (state.audit_events ??= []);
	// Strictly increasing timestamps, so `since=<occurred_at>` pages forward without gaps or repeats.
	const last = events.length ? Date.parse(events[events.length - 1].occurred_at) : 0;
	const at = Math.max(clock.now(), last + 1);
	const event = {
		id: randomUUID(),
		occurred_at: new Date(at).toISOString(),
		actor_id: who.user?.id ?? null,
		actor_email: who.user?.email ?? null,
		action: input.action,
		entity_type: input.entity_type,
		entity_id: input.entity_id ?? null,
		project_id: input.project_id ?? null,
		changes: input.changes ?? {},
		ip: who.ip ?? null,
		service: who.service ?? null,
	};
	events.push(event);
	return event;
}

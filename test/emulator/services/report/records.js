// @ts-check
// Report records (docs/flow-api.md §5.9, §10.1). One report per order; it follows the order:
//   order enters review   → report created as pending_review
//   order enters sign_off → report approved (created as approved when review was skipped)
// Approve-and-Sign (signoff.js) moves it to signed. Seeds may pre-fill `reports` (any status).
import { uuid } from '../../core/ids.js';
import { nextSeq } from '../miner/db.js';
import { normalizeStatus } from '../miner/order-state-machine.js';

/** @param {{db: any, now: () => string, user: any, audit: Function}} env @param {any} order */
export function syncReportForOrder(env, order) {
	const status = normalizeStatus(order.status);
	if (status !== 'review' && status !== 'sign_off') return;
	const now = env.now();
	let report = env.db.reports.find((r) => r.order_id === order.id);
	if (!report) {
		report = {
			id: uuid(),
			project_id: order.project_id,
			order_id: order.id,
			order_display_id: order.display_id,
			title: `Report for order ${order.display_id}`,
			mode: order.mode ?? null,
			status: 'pending_review',
			created_at: now,
			updated_at: now,
			approved_by: null,
			approved_at: null,
			signed_by: null,
			signed_at: null,
			signed_pdf_path: null,
			signed_pdf_sha256: null,
			_seq: nextSeq(),
		};
		env.db.reports.push(report);
		env.audit({ action: 'report.create', entity_type: 'report', entity_id: report.id, changes: { order_id: order.id, status: report.status } });
	}
	if (status === 'sign_off' && (report.status === 'pending_review' || report.status === 'draft')) {
		const from = report.status;
		report.status = 'approved';
		report.approved_by = env.user?.email ?? env.user?.id ?? null;
		report.approved_at = now;
		report.updated_at = now;
		env.audit({ action: 'report.approve', entity_type: 'report', entity_id: report.id, changes: { status: { from, to: 'approved' } } });
	}
}

/** @param {{db: any, audit: Function}} env @param {any} order */
export function deleteReportOfOrder(env, order) {
	const report = env.db.reports.find((r) => r.order_id === order.id);
	if (!report) return;
	env.db.reports.splice(env.db.reports.indexOf(report), 1);
	env.audit({ action: 'report.delete', entity_type: 'report', entity_id: report.id, changes: { order_id: order.id } });
}

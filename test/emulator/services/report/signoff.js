// @ts-check
// Approve-and-Sign (docs/flow-api.md §10.1): atomic — every check first, then the PDF, then the state.
import { createHash } from 'node:crypto';
import { HttpError } from '../../core/errors.js';
import { actorName, publicFields, requireRole } from '../miner/common.js';
import { signedReportPath } from '../miner/files.js';
import { normalizeStatus } from '../miner/order-state-machine.js';
import { applyStatus } from '../miner/orders.js';
import { buildPdf } from './pdf.js';

const SIGNABLE = ['approved', 'pending_review'];

/**
 * Find a report of the caller's project (404 otherwise).
 * @param {{db: any, projectId: string}} env
 */
export function getReport(env, id) {
	const report = env.db.reports.find((r) => r.id === id && r.project_id === env.projectId);
	if (!report) throw new HttpError(404, 'Report not found');
	return report;
}

/** Why Approve-and-Sign would fail right now (null when it would succeed for an admin). */
export function signBlocker(report, order) {
	if (!order) return { status: 409, detail: `The order of report ${report.id} no longer exists` };
	if (!SIGNABLE.includes(report.status)) {
		return { status: 409, detail: `Report is ${report.status}; Approve-and-Sign needs approved or pending_review` };
	}
	const orderStatus = normalizeStatus(order.status);
	// An order already completed counts as success (the 409 Miner would answer means "already past sign_off").
	if (orderStatus !== 'sign_off' && orderStatus !== 'completed') {
		return { status: 409, detail: `Order ${order.display_id} is ${orderStatus}; Approve-and-Sign needs it in sign_off` };
	}
	return null;
}

/** @param {any} env MinerEnv plus writeFile(path, data, contentType) */
export function reportStatusView(env, report) {
	const order = env.db.orders.find((o) => o.id === report.order_id);
	return {
		report_id: report.id,
		status: report.status,
		order_id: report.order_id,
		order_status: order?.status ?? null,
		signable: !signBlocker(report, order),
		signed_pdf_path: report.signed_pdf_path ?? null,
	};
}

/**
 * @param {any} env MinerEnv plus writeFile(path, data, contentType)
 * @param {string} reportId
 * @param {{comment?: string}} [body]
 */
export async function approveAndSign(env, reportId, body = {}) {
	const report = getReport(env, reportId);
	requireRole(env, 'admin', 'Approve-and-Sign');
	const order = env.db.orders.find((o) => o.id === report.order_id);
	const blocker = signBlocker(report, order);
	if (blocker) throw new HttpError(blocker.status, blocker.detail);

	const signedAt = env.now();
	const signer = actorName(env.user);
	const path = signedReportPath(order);
	const pdf = buildPdf({
		title: `Signed report - order ${order.display_id}`,
		lines: [
			`Report: ${report.id}`,
			`Order: ${order.display_id} (${order.mode ?? 'hereditary'})`,
			`Project: ${env.project?.name ?? order.project_id}`,
			`Signed by: ${signer}`,
			`Signed at: ${signedAt}`,
		],
	});
	// The only step that can fail half-way; nothing has changed yet if it throws.
	await env.writeFile(path, pdf, 'application/pdf');

	const sha256 = createHash('sha256').update(pdf).digest('hex');
	const from = report.status;
	Object.assign(report, {
		status: 'signed',
		signed_by: signer,
		signed_at: signedAt,
		signed_pdf_path: path,
		signed_pdf_sha256: sha256,
		updated_at: signedAt,
	});
	env.audit({
		action: 'report.sign',
		entity_type: 'report',
		entity_id: report.id,
		changes: { status: { from, to: 'signed' }, signed_pdf_path: path, pdf_sha256: sha256 },
	});
	if (normalizeStatus(order.status) === 'sign_off') applyStatus(env, order, 'completed', body.comment ?? 'Approve-and-Sign');
	return {
		report_id: report.id,
		status: report.status,
		signed_by: signer,
		signed_at: signedAt,
		signed_pdf_path: path,
		signed_pdf_sha256: sha256,
		order_id: order.id,
		order_status: 'completed',
	};
}

/** Record for a response; the order's display id is read live (orders can be renamed before sign-off). */
export function presentReport(env, report) {
	const order = env.db.orders.find((o) => o.id === report.order_id);
	return { ...publicFields(report), order_display_id: order?.display_id ?? report.order_display_id ?? null };
}

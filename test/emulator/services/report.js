// @ts-check
/**
 * Report service: the documented HTMX sign-off routes (`/report/{report_id}/signoff/...`, the
 * commit route answering JSON as a test hook) and an x-inferred JSON API under
 * `/report/api/v1/reports...` for the nodes. Report records are created by the miner when an
 * order reaches review / sign_off (services/report/records.js).
 */
import { Readable } from 'node:stream';
import { minerEnv } from './miner.js';
import { newestPage } from './miner/common.js';
import { approveAndSign, getReport, presentReport, reportStatusView } from './report/signoff.js';
import { buildPdf } from './report/pdf.js';

/**
 * The HTMX routes carry no X-Project-ID: find the report anywhere, then act in its project
 * (404 when the caller has no role there, like any id-addressed resource).
 * @param {any} ctx
 */
function htmxEnv(ctx) {
	const report = ctx.state.reports.find((r) => r.id === ctx.params.report_id);
	if (!report) ctx.notFound('Report');
	ctx.checkProject(report.project_id, 'Report');
	const env = minerEnv({ ...ctx, projectId: report.project_id, project: ctx.state.projects.find((p) => p.id === report.project_id) });
	return { env, report };
}

const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const html = (body) => ({ body, contentType: 'text/html; charset=utf-8' });

/** @type {Record<string, (ctx: any) => any>} */
const handlers = {
	// ------------------------------------------------------------ JSON API (x-inferred)
	listReports: (ctx) => {
		const rows = ctx.state.reports.filter(
			(r) =>
				r.project_id === ctx.projectId &&
				(!ctx.query.order_id || r.order_id === ctx.query.order_id) &&
				(!ctx.query.status || r.status === ctx.query.status),
		);
		const { page, total } = newestPage(rows, ctx.query);
		const env = minerEnv(ctx);
		return { body: page.map((r) => presentReport(env, r)), headers: { 'X-Total-Count': String(total) } };
	},
	getReport: (ctx) => {
		const env = minerEnv(ctx);
		return { body: presentReport(env, getReport(env, ctx.params.report_id)) };
	},
	getReportStatus: (ctx) => {
		const env = minerEnv(ctx);
		return { body: reportStatusView(env, getReport(env, ctx.params.report_id)) };
	},
	approveAndSignReport: async (ctx) => ({ body: await approveAndSign(minerEnv(ctx), ctx.params.report_id, ctx.body ?? {}) }),

	// ------------------------------------------------------------ HTMX routes (docs/flow-api.md §10.1)
	reportSignoffCommit: async (ctx) => {
		const { env, report } = htmxEnv(ctx);
		return { body: await approveAndSign(env, report.id, {}) };
	},
	reportSignoffConfirmModal: (ctx) => {
		const { report } = htmxEnv(ctx);
		return html(
			`<div class="modal" id="signoff-confirm"><p>Approve and sign report for order ${esc(report.order_display_id)}?</p>` +
				`<div hx-get="${esc(report.id)}/signoff/pdf-status" hx-trigger="load"></div>` +
				`<button hx-post="${esc(report.id)}/signoff/commit">Approve and sign</button></div>`,
		);
	},
	reportSignoffPreparePdf: (ctx) => {
		const { report } = htmxEnv(ctx);
		ctx.noAudit(); // a preview render changes no record
		return html(`<div id="pdf-status" data-report="${esc(report.id)}">rendering</div>`);
	},
	reportSignoffPdfStatus: (ctx) => {
		const { report } = htmxEnv(ctx);
		return html(`<div id="pdf-status" data-report="${esc(report.id)}">ready</div>`);
	},
	reportSignoffPdf: (ctx) => {
		const { report } = htmxEnv(ctx);
		const pdf = buildPdf({
			title: `PREVIEW - report for order ${report.order_display_id}`,
			lines: [`Report: ${report.id}`, `Status: ${report.status}`],
		});
		return {
			status: 200,
			stream: Readable.from([pdf]),
			headers: { 'Content-Type': 'application/pdf', 'Content-Length': String(pdf.length) },
		};
	},
	reportSignoffCompletedModal: (ctx) => {
		const { report } = htmxEnv(ctx);
		const link = report.signed_pdf_path ? `<a href="#" data-path="${esc(report.signed_pdf_path)}">Download signed report</a>` : 'Not signed yet';
		return html(`<div class="modal" id="signoff-completed"><p>Status: ${esc(report.status)}</p>${link}</div>`);
	},
};

export default { service: 'report', handlers };

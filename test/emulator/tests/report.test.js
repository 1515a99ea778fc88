// Report service over real HTTP: reports follow the order (review / sign_off), Approve-and-Sign
// (JSON API and the HTMX commit hook) completes the order and writes a real PDF into the bucket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useEmulator, PROJECT_A, PROJECT_B, uniqueId } from './miner-http.js';

const { emu, call, control } = useEmulator();

const miner = (method, path, o) => call('miner', method, `/api/v1${path}`, o);
const report = (method, path, o) => call('report', method, `/api/v1${path}`, o);
const htmx = (method, path, o) => call('report', method, path, { project: null, ...o });
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

async function orderThrough(statuses, extra = {}) {
	const order = (await miner('POST', '/orders', { body: { display_id: uniqueId('RPT'), ...extra } })).body;
	for (const status of statuses) {
		const res = await miner('POST', `/orders/${order.id}/transition`, { body: { status } });
		assert.equal(res.status, 200, JSON.stringify(res.body));
	}
	return order;
}
async function reportOf(order) {
	const res = await report('GET', '/reports', { query: { order_id: order.id } });
	assert.equal(res.status, 200);
	return res.body[0];
}
const pdfExists = (order) => emu.emulator.projectFiles.stat(PROJECT_A, `orders/${slug(order.display_id)}/signed-report.pdf`);

test('a report appears when the order reaches review (pending_review) and is approved at sign_off', async () => {
	const order = await orderThrough(['analyzing']);
	assert.equal(await reportOf(order), undefined, 'no report before review');
	await miner('POST', `/orders/${order.id}/transition`, { body: { status: 'review' } });
	const created = await reportOf(order);
	assert.equal(created.status, 'pending_review');
	assert.equal(created.order_display_id, order.display_id);
	assert.equal(created.project_id, PROJECT_A);
	assert.equal(created.signed_pdf_path, null);

	const status = await report('GET', `/reports/${created.id}/status`);
	assert.deepEqual(status.body, {
		report_id: created.id,
		status: 'pending_review',
		order_id: order.id,
		order_status: 'review',
		signable: false,
		signed_pdf_path: null,
	});

	await miner('POST', `/orders/${order.id}/transition`, { body: { status: 'sign_off' } });
	const approved = (await report('GET', `/reports/${created.id}`)).body;
	assert.equal(approved.status, 'approved');
	assert.ok(approved.approved_at);
	assert.equal((await report('GET', `/reports/${created.id}/status`)).body.signable, true);
});

test('skipping review creates the report as approved', async () => {
	const order = await orderThrough(['analyzing', 'sign_off']);
	assert.equal((await reportOf(order)).status, 'approved');
});

test('approve-and-sign: admin signs, PDF written, order completed, repeat is 409', async () => {
	const order = await orderThrough(['analyzing', 'review', 'sign_off']);
	const rec = await reportOf(order);
	const res = await report('POST', `/reports/${rec.id}/approve-and-sign`);
	assert.equal(res.status, 200, JSON.stringify(res.body));
	const path = `orders/${slug(order.display_id)}/signed-report.pdf`;
	assert.equal(res.body.report_id, rec.id);
	assert.equal(res.body.status, 'signed');
	assert.equal(res.body.signed_pdf_path, path);
	assert.equal(res.body.order_id, order.id);
	assert.equal(res.body.order_status, 'completed');
	assert.match(res.body.signed_pdf_sha256, /^[0-9a-f]{64}$/);
	assert.ok(res.body.signed_by);

	// Fetched the documented way: files download-url, then GET the signed URL.
	const signedUrl = await call('files', 'GET', '/api/v1/files/download-url', { query: { path } });
	assert.equal(signedUrl.status, 200, JSON.stringify(signedUrl.body));
	const pdf = Buffer.from(await (await fetch(signedUrl.body.url)).arrayBuffer());
	assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
	assert.match(pdf.toString('latin1').trimEnd(), /%%EOF$/);
	assert.equal((await pdfExists(order)).content_type, 'application/pdf');

	const after = (await miner('GET', `/orders/${order.id}`)).body;
	assert.equal(after.status, 'completed');
	assert.deepEqual(after.allowed_transitions, []);
	const signed = (await report('GET', `/reports/${rec.id}`)).body;
	assert.equal(signed.status, 'signed');
	assert.equal(signed.signed_at, res.body.signed_at);
	assert.equal(signed.signed_pdf_path, path);
	const labflow = (await miner('GET', `/orders/${order.id}/labflow`)).body;
	assert.equal(labflow.current_stage.code, 'completed');
	assert.equal(labflow.state, 'completed');

	const again = await report('POST', `/reports/${rec.id}/approve-and-sign`);
	assert.equal(again.status, 409);
	assert.match(again.body.detail, /signed/);
});

test('approve-and-sign is admin only and all-or-nothing', async () => {
	const order = await orderThrough(['analyzing', 'sign_off']);
	const rec = await reportOf(order);
	const editor = await report('POST', `/reports/${rec.id}/approve-and-sign`, { as: 'editor' });
	assert.equal(editor.status, 403);
	const viewer = await report('POST', `/reports/${rec.id}/approve-and-sign`, { as: 'viewer' });
	assert.equal(viewer.status, 403);
	assert.equal(await pdfExists(order), null);
	assert.equal((await miner('GET', `/orders/${order.id}`)).body.status, 'sign_off');

	// pending_review report whose order is still in review: Miner would refuse → nothing changes.
	const inReview = await orderThrough(['analyzing', 'review']);
	const pending = await reportOf(inReview);
	const refused = await report('POST', `/reports/${pending.id}/approve-and-sign`);
	assert.equal(refused.status, 409);
	assert.match(refused.body.detail, /sign_off/);
	assert.equal(await pdfExists(inReview), null);
	assert.equal((await report('GET', `/reports/${pending.id}`)).body.status, 'pending_review');

	// cancelled at sign_off: the report stays approved but can no longer be signed.
	const cancelled = await orderThrough(['analyzing', 'sign_off', 'cancelled']);
	const orphan = await reportOf(cancelled);
	assert.equal((await report('POST', `/reports/${orphan.id}/approve-and-sign`)).status, 409);
});

test('seeded reports: an order already completed counts as success; a draft is refused', async () => {
	const orderId = randomUUID();
	const done = randomUUID();
	const draft = randomUUID();
	const now = '2026-01-20T08:00:00.000Z';
	const seeded = await control('POST', '/seed', {
		orders: [
			{ id: orderId, project_id: PROJECT_A, display_id: uniqueId('SEEDED'), status: 'completed', priority: 'medium', mode: 'hereditary', tags: [], properties: {}, created_at: now, updated_at: now },
		],
		reports: [
			{ id: done, project_id: PROJECT_A, order_id: orderId, order_display_id: 'x', status: 'approved', created_at: now, updated_at: now },
			{ id: draft, project_id: PROJECT_A, order_id: orderId, order_display_id: 'x', status: 'draft', created_at: now, updated_at: now },
		],
	});
	assert.equal(seeded.status, 200);
	const res = await report('POST', `/reports/${done}/approve-and-sign`);
	assert.equal(res.status, 200, JSON.stringify(res.body));
	assert.equal(res.body.order_status, 'completed');
	const refused = await report('POST', `/reports/${draft}/approve-and-sign`);
	assert.equal(refused.status, 409);
	assert.match(refused.body.detail, /draft/);
});

test('list filters, paging, project scoping, 404', async () => {
	const a = await orderThrough(['analyzing', 'review']);
	const b = await orderThrough(['analyzing', 'sign_off']);
	const pending = await report('GET', '/reports', { query: { status: 'pending_review' } });
	assert.ok(pending.body.every((r) => r.status === 'pending_review'));
	assert.ok(pending.body.some((r) => r.order_id === a.id));
	const all = await report('GET', '/reports', { query: { limit: 1 } });
	assert.equal(all.body.length, 1);
	assert.equal(all.body[0].order_id, b.id, 'newest first');
	assert.ok(Number(all.headers.get('x-total-count')) >= 2);
	const rec = await reportOf(b);
	assert.equal((await report('GET', `/reports/${rec.id}`, { project: PROJECT_B })).status, 404);
	assert.equal((await report('GET', `/reports/${randomUUID()}`)).status, 404);
	assert.equal((await report('GET', '/reports', { project: null })).status, 400);
	assert.equal((await report('GET', '/reports', { query: { status: 'final' } })).status, 422);
});

test('HTMX routes: commit answers JSON and completes the order; modals and preview PDF', async () => {
	const order = await orderThrough(['analyzing', 'sign_off']);
	const rec = await reportOf(order);
	const modal = await htmx('GET', `/${rec.id}/signoff/confirm-modal`);
	assert.equal(modal.status, 200);
	assert.match(modal.headers.get('content-type'), /text\/html/);
	assert.equal((await htmx('POST', `/${rec.id}/signoff/prepare-pdf`)).status, 200);
	assert.match((await htmx('GET', `/${rec.id}/signoff/pdf-status`)).body, /ready/);
	const preview = await htmx('GET', `/${rec.id}/signoff/pdf`);
	assert.equal(preview.headers.get('content-type'), 'application/pdf');
	assert.ok(preview.body.startsWith('%PDF-'));

	assert.equal((await htmx('POST', `/${rec.id}/signoff/commit`, { as: 'editor' })).status, 403);
	const commit = await htmx('POST', `/${rec.id}/signoff/commit`);
	assert.equal(commit.status, 200);
	assert.equal(commit.body.status, 'signed');
	assert.equal(commit.body.order_status, 'completed');
	assert.equal((await miner('GET', `/orders/${order.id}`)).body.status, 'completed');
	assert.match((await htmx('GET', `/${rec.id}/signoff/completed-modal`)).body, /signed-report\.pdf/);
	assert.equal((await htmx('GET', `/${randomUUID()}/signoff/pdf-status`)).status, 404);
});

test('sign-off is audited (report.sign + order.transition to completed)', async () => {
	const order = await orderThrough(['analyzing', 'sign_off']);
	const rec = await reportOf(order);
	await report('POST', `/reports/${rec.id}/approve-and-sign`);
	const events = emu.state.audit_events;
	const signed = events.find((e) => e.action === 'report.sign' && e.entity_id === rec.id);
	assert.ok(signed);
	assert.match(signed.changes.pdf_sha256, /^[0-9a-f]{64}$/);
	const completed = events.find((e) => e.action === 'order.transition' && e.entity_id === order.id && e.changes.status.to === 'completed');
	assert.ok(completed);
});

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { loadOptionsContext, runNode } from '../../../helpers/engine';
import { TOKENS } from '../../../helpers/emulator';
import { useProfile, type Profile } from '../../profile';
import { node, orderAt, signedOrder, useEmulatorHandle } from '../fixtures';

// Every Report operation on a server that has only the published reference (the emulator's
// `documented` profile): the same answer as with the inferred report API, or a clear
// "does not offer" error raised before any request to the missing route.

const emu = useEmulatorHandle();
beforeEach(async () => await useProfile(emu, 'full')); // fixtures use the report API

const run = async (profile: Profile, parameters: INodeParameters, extra: { continueOnFail?: boolean } = {}) => {
	await useProfile(emu, profile);
	await emu.clearRequests();
	return await runNode({
		node,
		parameters: { resource: 'report', ...parameters },
		credentials: emu.credentials(),
		...extra,
	});
};
const calls = async () => (await emu.requests()).map((r) => `${r.service} ${r.method} ${r.path}`);
const anyReportId = 'd1f0a2b3-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
/** The fields Get Status gives the same in both profiles. */
const shared = (json: IDataObject) => ({
	order_id: json.order_id,
	order_status: json.order_status,
	signable: json.signable,
	signed_pdf_path: json.signed_pdf_path,
});

describe('Report › Get Status on a server with only the published reference', () => {
	test('order in sign_off: the same answer from the order and the bucket, and it says so', async () => {
		const { orderId } = await orderAt(emu, 'ORD-1', 'sign_off');
		const parameters = { operation: 'getStatus', report: { mode: 'order', value: orderId } };

		const full = await run('full', parameters);
		expect(full.output[0].json).toMatchObject({
			status: 'approved',
			order_id: orderId,
			order_status: 'sign_off',
			signable: true,
			signed_pdf_path: null,
			source: 'report_api',
		});

		const documented = await run('documented', parameters);
		expect(documented.status).toBe('success');
		expect(documented.output[0].json).toEqual({
			report_id: null,
			status: null,
			order_id: orderId,
			order_status: 'sign_off',
			signable: true,
			signed_pdf_path: null,
			source: 'order_and_bucket',
		});
		expect(shared(documented.output[0].json)).toEqual(shared(full.output[0].json));
		// Only documented calls: the order, then the order's folder in the bucket.
		expect(await calls()).toEqual([`miner GET /api/v1/orders/${orderId}`, 'files GET /api/v1/files']);
		const [, listing] = await emu.requests();
		expect(listing.query).toMatchObject({ path: 'orders/ord-1/' });
	});

	test('completed with the signed PDF present: signed, with its path, in both profiles', async () => {
		const { orderId } = await signedOrder(emu, 'ORD 2026/7');
		const parameters = { operation: 'getStatus', report: { mode: 'order', value: orderId } };
		const expected = {
			status: 'signed',
			order_id: orderId,
			order_status: 'completed',
			signable: false,
			signed_pdf_path: 'orders/ord-2026-7/signed-report.pdf',
		};

		const full = await run('full', parameters);
		expect(full.output[0].json).toMatchObject({ ...expected, source: 'report_api' });
		const documented = await run('documented', parameters);
		expect(documented.output[0].json).toMatchObject({ ...expected, report_id: null, source: 'order_and_bucket' });
		expect(await emu.requests({ service: 'report' })).toHaveLength(0);
	});

	test('an order without a report yet fails the same way in both profiles', async () => {
		const { orderId } = await orderAt(emu, 'ORD-3', 'created');
		const parameters = { operation: 'getStatus', report: { mode: 'order', value: orderId } };
		const full = await run('full', parameters);
		const documented = await run('documented', parameters);
		expect(full.error?.message).toBe(`Order ${orderId} has no report yet`);
		expect(documented.error?.message).toBe(`Order ${orderId} has no report yet`);
	});

	test('an unknown order is a readable 404 from the Miner; Continue On Fail', async () => {
		const result = await run(
			'documented',
			{ operation: 'getStatus', report: { mode: 'order', value: anyReportId } },
			{ continueOnFail: true },
		);
		expect(result.output[0].json).toMatchObject({ error: 'Not found: Order not found', httpCode: '404' });
	});

	test('by report ID: "not offered" before any request, naming By Order ID', async () => {
		const result = await run('documented', { operation: 'getStatus', report: { mode: 'id', value: anyReportId } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'This iFlow server does not offer GET /reports/{report_id}/status (report service)',
		);
		expect(result.error?.description).toMatch(/not a wrong ID/);
		expect(result.error?.description).toMatch(/By Order ID/);
		expect(await emu.requests()).toHaveLength(0);
	});

	test('no /openapi.json to ask: the report API is tried, its route 404 leads to the documented way', async () => {
		await signedOrder(emu, 'ORD-4');
		const { orderId } = await signedOrder(emu, 'ORD-5');
		await useProfile(emu, 'documented');
		await emu.fault({ service: 'report', path: '^/openapi\\.json$', status: 500 });
		await emu.clearRequests();
		const result = await runNode({
			node,
			parameters: { resource: 'report', operation: 'getStatus', report: { mode: 'order', value: orderId } },
			credentials: emu.credentials(),
		});
		expect(result.output[0].json).toMatchObject({
			status: 'signed',
			signed_pdf_path: 'orders/ord-5/signed-report.pdf',
			source: 'order_and_bucket',
		});
		expect(await emu.requests({ service: 'report', status: 404 })).toHaveLength(1);
	});
});

describe('Report operations without a documented way', () => {
	test.each([
		['get', 'GET /reports/{report_id}', { report: { mode: 'id', value: anyReportId } }],
		['get', 'GET /reports/{report_id}', { report: { mode: 'order', value: anyReportId } }],
		['getMany', 'GET /reports', { returnAll: false, limit: 10, filters: { status: 'signed' } }],
		['approveAndSign', 'POST /reports/{report_id}/approve-and-sign', { report: { mode: 'id', value: anyReportId } }],
	])('%s (%s): "not offered" before any request, naming what to use instead', async (operation, route, extra) => {
		const result = await run('documented', { operation, ...extra } as INodeParameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`This iFlow server does not offer ${route} (report service)`);
		expect(result.error?.description).toMatch(/not a wrong ID/);
		if (operation === 'approveAndSign') expect(result.error?.description).toMatch(/web app.*signoff\/commit/s);
		else expect(result.error?.description).toMatch(/Miner › Order › Get.*Get Signed Report.*API Request/s);
		expect(await emu.requests()).toHaveLength(0);
	});

	test('Continue On Fail keeps the "not offered" error as an item', async () => {
		const result = await run(
			'documented',
			{ operation: 'get', report: { mode: 'id', value: anyReportId } },
			{ continueOnFail: true },
		);
		expect(result.output[0].json.error).toMatch(/does not offer GET \/reports\/\{report_id\}/);
	});

	test('Approve and Sign leaves the order in sign_off', async () => {
		const { orderId, reportId } = await orderAt(emu, 'ORD-6', 'sign_off');
		const result = await run('documented', { operation: 'approveAndSign', report: { mode: 'id', value: reportId } });
		expect(result.status).toBe('error');
		const order = await emu.api('miner', 'GET', `/orders/${orderId}`);
		expect(order.status).toBe('sign_off');
	});

	test('bad input is still refused first, naming the field', async () => {
		const result = await run('documented', { operation: 'get', report: { mode: 'list', value: 'ORD-1' } });
		expect(result.error?.message).toMatch(/'Report' must be an iFlow ID/);
	});

	test('the report list picker says the server does not offer the list', async () => {
		await useProfile(emu, 'documented');
		const context = loadOptionsContext({
			node,
			parameters: { resource: 'report', operation: 'get', report: { mode: 'list', value: '' } },
			credentials: emu.credentials(),
		});
		await expect(node.methods.listSearch.searchReports.call(context)).rejects.toThrow(
			/does not offer GET \/reports \(report service\)/,
		);
		expect(await emu.requests()).toHaveLength(0);
	});
});

describe('Report › Get Signed Report on a server with only the published reference', () => {
	test('the same PDF from documented calls only', async () => {
		const { orderId } = await signedOrder(emu, 'ORD-7');
		const parameters = { operation: 'getSignedReport', order: { mode: 'id', value: orderId } };
		const full = await run('full', parameters);
		const documented = await run('documented', parameters);
		expect(documented.status).toBe('success');
		expect(documented.output[0].json).toEqual(full.output[0].json);
		expect(documented.output[0].binary?.data.fileSize).toEqual(full.output[0].binary?.data.fileSize);
		expect(await calls()).toEqual([
			`miner GET /api/v1/orders/${orderId}`,
			'files GET /api/v1/files/download-url',
			'storage GET /_signed/bgl-hereditary-2026/orders/ord-7/signed-report.pdf',
		]);
	});

	test('an order not signed yet: the same clear error', async () => {
		const { orderId } = await orderAt(emu, 'ORD-8', 'sign_off');
		const result = await run('documented', { operation: 'getSignedReport', order: { mode: 'id', value: orderId } });
		expect(result.error?.message).toBe('Order ORD-8 has no signed report yet');
	});

	test('a viewer can read it too', async () => {
		const { orderId } = await signedOrder(emu, 'ORD-9');
		await useProfile(emu, 'documented');
		const result = await runNode({
			node,
			parameters: { resource: 'report', operation: 'getSignedReport', order: { mode: 'id', value: orderId } },
			credentials: emu.credentials({ accessToken: TOKENS.viewer }),
		});
		expect(result.status).toBe('success');
	});
});

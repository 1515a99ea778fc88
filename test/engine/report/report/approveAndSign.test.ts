import { TOKENS } from '../../../helpers/emulator';
import { orderAt, reportApi, run, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();

const parameters = operationWithId('report', 'approveAndSign', 'report');

describe('Report › Approve and Sign', () => {
	reportApi.test('signs the report and completes the order', async () => {
		const { orderId, reportId } = await orderAt(emu, 'ORD-1', 'sign_off');
		await emu.clearRequests();
		const result = await run(emu, parameters({ mode: 'list', value: reportId }, { comment: 'Reviewed by Dr. A' }));
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({
			report_id: reportId,
			status: 'signed',
			order_id: orderId,
			order_status: 'completed',
			signed_pdf_path: 'orders/ord-1/signed-report.pdf',
		});
		const [request] = await emu.requests({ service: 'report' });
		expect(request).toMatchObject({
			method: 'POST',
			path: `/api/v1/reports/${reportId}/approve-and-sign`,
			body: { comment: 'Reviewed by Dr. A' },
			status: 200,
		});
		expect(request.headers['x-project-id']).toBeDefined();
		const order = await emu.api('miner', 'GET', `/orders/${orderId}`);
		expect(order.status).toBe('completed');
	});

	reportApi.test('By Order ID finds the report of the order first', async () => {
		const { orderId, reportId } = await orderAt(emu, 'ORD-2', 'sign_off');
		await emu.clearRequests();
		const result = await run(emu, parameters({ mode: 'order', value: orderId }));
		expect(result.output[0].json).toMatchObject({ report_id: reportId, status: 'signed' });
		const log = await emu.requests({ service: 'report' });
		expect(log[0]).toMatchObject({ method: 'GET', path: '/api/v1/reports', query: { order_id: orderId } });
		expect(log[1]).toMatchObject({ method: 'POST', body: {} });
	});

	reportApi.test('an editor is refused with a readable 403 and nothing changes', async () => {
		const { orderId, reportId } = await orderAt(emu, 'ORD-3', 'sign_off');
		const result = await run(emu, parameters({ mode: 'id', value: reportId }), {
			credentials: { accessToken: TOKENS.editor },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Permission denied/);
		expect((await emu.api('miner', 'GET', `/orders/${orderId}`)).status).toBe('sign_off');
	});

	reportApi.test('an order not in sign-off is a readable 409; Continue On Fail', async () => {
		const { reportId } = await orderAt(emu, 'ORD-4', 'review');
		const result = await run(emu, parameters({ mode: 'id', value: reportId }), { continueOnFail: true });
		expect(result.output[0].json.error).toMatch(/^Conflict: Order ORD-4 is review/);
	});

	reportApi.test('By Order ID for an order without a report: clear error, nothing signed', async () => {
		const { orderId } = await orderAt(emu, 'ORD-5', 'created');
		await emu.clearRequests();
		const result = await run(emu, parameters({ mode: 'order', value: orderId }));
		expect(result.error?.message).toBe(`Order ${orderId} has no report yet`);
		expect(await emu.requests({ method: 'POST' })).toHaveLength(0);
	});
});

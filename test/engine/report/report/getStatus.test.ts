import { TOKENS } from '../../../helpers/emulator';
import { fullOnly } from '../../profile';
import { orderAt, run, signedOrder, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();

// By report ID only; report/report/documented.test.ts covers a server without it (by order works there).
const byReportId = fullOnly('GET /reports/{report_id}/status, not in the reference');
const parameters = operationWithId('report', 'getStatus', 'report');

describe('Report › Get Status', () => {
	byReportId.test('says whether the report can be signed', async () => {
		const { orderId, reportId } = await orderAt(emu, 'ORD-1', 'sign_off');
		await emu.clearRequests();
		const result = await run(emu, parameters({ mode: 'id', value: reportId }));
		expect(result.output[0].json).toMatchObject({
			report_id: reportId,
			status: 'approved',
			order_id: orderId,
			order_status: 'sign_off',
			signable: true,
			signed_pdf_path: null,
		});
		const [request] = await emu.requests({ service: 'report' });
		expect(request).toMatchObject({ method: 'GET', path: `/api/v1/reports/${reportId}/status`, status: 200 });
	});

	test('after signing, by order', async () => {
		const { orderId } = await signedOrder(emu, 'ORD-2');
		const result = await run(emu, parameters({ mode: 'order', value: orderId }), {
			credentials: { accessToken: TOKENS.viewer },
		});
		expect(result.output[0].json).toMatchObject({
			status: 'signed',
			signed_pdf_path: 'orders/ord-2/signed-report.pdf',
		});
	});
});

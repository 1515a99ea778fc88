import { allText } from '../../../helpers/engine';
import { TOKENS } from '../../../helpers/emulator';
import { orderAt, run, signedOrder, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();

const parameters = operationWithId('report', 'getSignedReport', 'order');

describe('Report › Get Signed Report', () => {
	test('downloads the signed PDF of an order as binary, found via the order and Files', async () => {
		const { orderId } = await signedOrder(emu, 'ORD 2026/7');
		await emu.clearRequests();
		const result = await run(emu, parameters({ mode: 'list', value: orderId }, { binaryPropertyName: 'pdf' }));
		expect(result.status).toBe('success');
		const [item] = result.output;
		expect(item.json).toMatchObject({
			order_id: orderId,
			order_display_id: 'ORD 2026/7',
			order_status: 'completed',
			path: 'orders/ord-2026-7/signed-report.pdf',
			content_type: 'application/pdf',
		});
		expect(item.binary?.pdf).toMatchObject({ mimeType: 'application/pdf', fileName: 'ord-2026-7-signed-report.pdf' });
		expect(item.json.size).toBeGreaterThan(100);

		const log = await emu.requests();
		expect(log.map((r) => `${r.service} ${r.method} ${r.path}`)).toEqual([
			`miner GET /api/v1/orders/${orderId}`,
			'files GET /api/v1/files/download-url',
			'storage GET /_signed/bgl-hereditary-2026/orders/ord-2026-7/signed-report.pdf',
		]);
		expect(log[1].query.path).toBe('orders/ord-2026-7/signed-report.pdf');
		expect(log[2].headers.authorization).toBeUndefined();
		// The signed URL's signature never reaches the output or the run data.
		expect(allText(result.run)).not.toMatch(/X-Flow-Signature=[0-9a-f]{16}/);
	});

	test('an order not signed yet: clear error naming the order', async () => {
		const { orderId } = await orderAt(emu, 'ORD-8', 'sign_off');
		const result = await run(emu, parameters({ mode: 'id', value: orderId }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Order ORD-8 has no signed report yet');
		expect(result.error?.description).toMatch(/Approve and Sign/);
	});

	test('a storage failure is readable and keeps the signature secret; Continue On Fail', async () => {
		const { orderId } = await signedOrder(emu, 'ORD-9');
		// Asking to wait longer than the retry budget: the transfer fails at once.
		await emu.fault({ service: 'storage', status: 500, retryAfter: '3600', body: { detail: 'disk on fire' } });
		const failed = await run(emu, parameters({ mode: 'id', value: orderId }));
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toMatch(
			/Storage refused the download of orders\/ord-9\/signed-report.pdf \(HTTP 500\)/,
		);
		expect(allText(failed.run)).not.toMatch(/X-Flow-Signature=[0-9a-f]{16}/);

		const kept = await run(emu, parameters({ mode: 'id', value: orderId }), {
			credentials: { accessToken: TOKENS.expired },
			continueOnFail: true,
		});
		expect(kept.output[0].json).toMatchObject({ httpCode: '401' });
	});
});

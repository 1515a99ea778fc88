import { byId, run, UNKNOWN_ID, useEmulator } from '../fixtures';
import { orderWithSamples } from './samples';

const emulator = useEmulator();
const list = (id: unknown, extra: Record<string, unknown> = {}) => ({
	resource: 'order',
	operation: 'getSamples',
	orderId: id,
	...extra,
});

describe('Miner › Order › Get Samples', () => {
	test('lists the samples with their roles', async () => {
		const emu = emulator();
		const { order, samples } = await orderWithSamples(emu);
		const result = await run(emu, list(byId(String(order.id))));
		// In link order where the server keeps it; a documented server lists newest first.
		const rows = result.output.map((item) => [item.json.id, item.json.role, item.json.order_id]);
		expect(rows).toHaveLength(2);
		expect(rows).toEqual(
			expect.arrayContaining([
				[samples[0].id, 'tumour', order.id],
				[samples[1].id, 'normal', order.id],
			]),
		);
		const [request] = await emu.requests({ service: 'miner', method: 'GET' });
		expect(request.path).toBe(`/api/v1/orders/${String(order.id)}/samples`);
	});

	test('404 and Continue On Fail', async () => {
		const emu = emulator();
		const failed = await run(emu, list(byId(UNKNOWN_ID)));
		expect(failed.error?.message).toMatch(/Not found: Order not found/);
		const continued = await run(emu, list(byId(UNKNOWN_ID)), { continueOnFail: true });
		expect(continued.output[0].json.httpCode).toBe('404');
	});

	test('an empty id fails naming the field, with no request', async () => {
		const emu = emulator();
		const result = await run(emu, list(byId('={{ "" }}')));
		expect(result.error?.message).toMatch(/'Order' is empty/);
		expect(await emu.requests()).toHaveLength(0);
	});
});

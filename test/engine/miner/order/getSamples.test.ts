import { byId, run, useEmulator } from '../fixtures';
import { orderWithSamples } from './samples';
import { operationWithId } from '../../../helpers/suite';

const emulator = useEmulator();
const list = operationWithId('order', 'getSamples', 'orderId');

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
});

import { byId, expectMinerRequest, run, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';
import { orderWithSamples } from './samples';

const emu = useEmulatorHandle();
const list = operationWithId('order', 'getSamples', 'orderId');

describe('Miner › Order › Get Samples', () => {
	test('lists the samples with their roles', async () => {
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
		await expectMinerRequest(emu, 'GET', `/api/v1/orders/${String(order.id)}/samples`);
	});
});

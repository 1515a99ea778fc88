import { byId, expectMinerRequest, run, transition, UNKNOWN_ID, useEmulatorHandle } from '../fixtures';
import { orderWithSamples } from './samples';

const emu = useEmulatorHandle();
const remove = (orderId: unknown, sampleId: unknown) => ({
	resource: 'order',
	operation: 'removeSample',
	orderId,
	sampleId,
});

describe('Miner › Order › Remove Sample', () => {
	test('unlinks the sample (the sample stays)', async () => {
		const { order, samples } = await orderWithSamples(emu);
		const result = await run(emu, remove(byId(String(order.id)), byId(String(samples[1].id))));
		expect(result.output[0].json).toEqual({ removed: true, order_id: order.id, sample_id: samples[1].id });
		await expectMinerRequest(emu, 'DELETE', `/api/v1/orders/${String(order.id)}/samples/${String(samples[1].id)}`);
		expect(await emu.api('miner', 'GET', `/samples/${String(samples[1].id)}`)).toMatchObject({ id: samples[1].id });
	});

	test('refused once the order is in review (409); Continue On Fail', async () => {
		const { order, samples } = await orderWithSamples(emu);
		await transition(emu, String(order.id), 'analyzing');
		await transition(emu, String(order.id), 'review');
		const failed = await run(emu, remove(byId(String(order.id)), byId(String(samples[0].id))));
		expect(failed.error?.message).toMatch(
			/Conflict: Samples can be unlinked only while the order is created or analyzing/,
		);
		const continued = await run(emu, remove(byId(UNKNOWN_ID), byId(String(samples[0].id))), { continueOnFail: true });
		expect(continued.output[0].json.httpCode).toBe('404');
	});
});

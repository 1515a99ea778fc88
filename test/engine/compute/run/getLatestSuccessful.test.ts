import { byId, createOrder, finishedRun, run, submitRun, UNKNOWN_ID, useEmulator } from '../fixtures';

const emulator = useEmulator();
const latest = (orderId: string) => ({ resource: 'run', operation: 'getLatestSuccessful', order: byId(orderId) });

describe('Compute › Run › Get Latest Successful Run of Order', () => {
	test('picks the newest succeeded run, skipping newer failed and running ones', async () => {
		const emu = emulator();
		const order = await createOrder(emu, 'ORD-1');
		await finishedRun(emu, 'succeeded', { order_id: order.id });
		const newest = await finishedRun(emu, 'succeeded', { order_id: order.id });
		await finishedRun(emu, 'failed', { order_id: order.id });
		await submitRun(emu, { order_id: order.id });
		await emu.clearRequests();
		const result = await run(emu, latest(String(order.id)));
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toMatchObject({ id: newest.id, status: 'succeeded' });
		expect(await emu.requests({ service: 'compute' })).toHaveLength(1);
	});

	test('no succeeded run is a clear error listing what exists; Continue On Fail', async () => {
		const emu = emulator();
		const order = await createOrder(emu, 'ORD-2');
		await finishedRun(emu, 'failed', { order_id: order.id });
		await submitRun(emu, { order_id: order.id });
		const result = await run(emu, latest(String(order.id)));
		expect(result.error?.message).toBe(`Order ${String(order.id)} has no succeeded run (1 queued, 1 failed)`);
		const none = await run(emu, latest(UNKNOWN_ID), { continueOnFail: true });
		expect(none.output[0].json.error).toBe(`Order ${UNKNOWN_ID} has no succeeded run (no runs at all)`);
	});
});

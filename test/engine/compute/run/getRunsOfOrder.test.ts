import { byId, createOrder, finishedRun, run, submitRun, UNKNOWN_ID, useEmulator } from '../fixtures';

const emulator = useEmulator();
const runsOfOrder = (orderId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'run',
	operation: 'getRunsOfOrder',
	order: byId(orderId),
	returnAll: true,
	...extra,
});

describe('Compute › Run › Get Runs of Order', () => {
	test('lists the runs of an order, newest first; Limit cuts the list', async () => {
		const emu = emulator();
		const order = await createOrder(emu, 'ORD-1');
		const first = await finishedRun(emu, 'failed', { order_id: order.id });
		const second = await finishedRun(emu, 'succeeded', { order_id: order.id });
		await submitRun(emu); // not linked
		await emu.clearRequests();
		const all = await run(emu, runsOfOrder(String(order.id)));
		expect(all.output.map((item) => item.json.id)).toEqual([second.id, first.id]);
		const [request] = await emu.requests({ service: 'compute' });
		expect(request.path).toBe(`/api/v1/runs/by-order/${String(order.id)}`);
		const limited = await run(emu, runsOfOrder(String(order.id), { returnAll: false, limit: 1 }));
		expect(limited.output.map((item) => item.json.id)).toEqual([second.id]);
	});

	test('an order without runs gives no items; expired token → 401 with Continue On Fail', async () => {
		const emu = emulator();
		expect((await run(emu, runsOfOrder(UNKNOWN_ID))).output).toHaveLength(0);
		const expired = await run(emu, runsOfOrder(UNKNOWN_ID), {
			credentials: { accessToken: 'flow-expired-token' },
			continueOnFail: true,
		});
		expect(expired.output[0].json.httpCode).toBe('401');
	});
});

import { byId, createOrder, run, transition, UNKNOWN_ID, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const cancel = operationWithId('order', 'cancel', 'orderId');

describe('Miner › Order › Cancel', () => {
	test('cancels with a comment', async () => {
		const order = await createOrder(emu, 'ORD-1');
		await emu.clearRequests();
		const result = await run(emu, cancel(byId(String(order.id)), { moveOptions: { comment: 'duplicate' } }));
		expect(result.output[0].json).toMatchObject({ status: 'cancelled', alreadyInStatus: false });
		const [request] = await emu.requests({ service: 'miner', method: 'POST' });
		expect(request.body).toEqual({ status: 'cancelled', comment: 'duplicate' });
	});

	test('an already cancelled order is a flagged success', async () => {
		const order = await createOrder(emu, 'ORD-1');
		await transition(emu, String(order.id), 'cancelled');
		const result = await run(emu, cancel(byId(String(order.id))));
		expect(result.output[0].json).toMatchObject({ status: 'cancelled', alreadyInStatus: true });
	});

	test('an editor is refused with the role it needs; Continue On Fail', async () => {
		const order = await createOrder(emu, 'ORD-1');
		const result = await run(emu, cancel(byId(String(order.id))), {
			credentials: { accessToken: 'flow-editor-token' },
		});
		expect(result.error?.message).toBe('Permission denied: Cancelling an order needs the project Admin role.');
		const continued = await run(emu, cancel(byId('={{ $json.id }}')), {
			items: [{ id: UNKNOWN_ID }, { id: order.id }],
			continueOnFail: true,
		});
		expect(continued.output.map((item) => item.json.httpCode ?? item.json.status)).toEqual(['404', 'cancelled']);
	});
});

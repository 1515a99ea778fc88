import { byProfile } from '../../profile';
import { byId, createOrder, expectMinerRequest, run, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const get = operationWithId('order', 'get', 'orderId');

describe('Miner › Order › Get', () => {
	test('gets one order; Simplify reads both eras', async () => {
		const order = await createOrder(emu, 'ORD-1', { priority: 'routine', indication: 'x' });
		const result = await run(emu, get(byId(String(order.id))));
		expect(result.output[0].json).toMatchObject({
			id: order.id,
			display_id: 'ORD-1',
			status: 'created',
			priority: 'low',
			indication: 'x',
		});
		// An x-inferred field: only a server that has it sends it.
		const transitions = byProfile({ full: ['analyzing', 'cancelled'], documented: undefined });
		expect(result.output[0].json.allowed_transitions).toEqual(transitions);
		expect(result.output[0].json.ordering_facility).toBeUndefined();
		await expectMinerRequest(emu, 'GET', `/api/v1/orders/${String(order.id)}`);
	});

	test('an older record (name, legacy status) is read too', async () => {
		const order = await createOrder(emu, 'ORD-OLD');
		const state = await emu.control<{ orders: Array<Record<string, unknown>> }>('GET', '/state');
		const stored = state.orders.find((o) => o.id === order.id) ?? {};
		await emu.control('POST', '/seed', { orders: [{ ...stored, status: 'reviewed', priority: 'urgent' }] });
		const result = await run(emu, get(byId(String(order.id))));
		expect(result.output[0].json).toMatchObject({ display_id: 'ORD-OLD', status: 'sign_off', priority: 'medium' });
	});
});

import type { ILoadOptionsFunctions, INodeParameters } from 'n8n-workflow';

import { loadOptionsContext } from '../../../helpers/engine';
import type { EmulatorHandle } from '../../../helpers/emulator';
import { byId, createOrder, node, orderRows, run, seedMany, transition, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const NO_MOVE = '__noFurtherStatus__';

const transitionParams = (orderId: unknown, targetStatus = '') => ({
	resource: 'order',
	operation: 'transition',
	orderId,
	targetStatus,
});

async function targetsFor(emu: EmulatorHandle, orderId: string) {
	const parameters = transitionParams(byId(orderId)) as unknown as INodeParameters;
	const ctx = loadOptionsContext({ node, parameters, credentials: emu.credentials() });
	// n8n's editor sends the node's current parameters with every load-options call.
	(ctx as unknown as { additionalData: { currentNodeParameters: unknown } }).additionalData.currentNodeParameters =
		parameters;
	return await node.methods.loadOptions.getTransitionTargets.call(ctx as unknown as ILoadOptionsFunctions);
}

describe('Miner › Order › Transition › Target Status list', () => {
	test.each([
		['completed', /^Order ORD-00001 is completed: no further status$/, /create a new order/],
		['cancelled', /^Order ORD-00001 is cancelled: no further status$/, /create a new order/],
		['sign_off', /^Order ORD-00001 is in Sign Off: it is completed by signing its report$/, /Approve and Sign/],
	])('an order in %s: one disabled entry that says why', async (status, name, description) => {
		const [row] = orderRows(1);
		await seedMany(emu, 'orders', [{ ...row, status }]);
		const options = await targetsFor(emu, String(row.id));
		expect(options).toHaveLength(1);
		expect(options[0]).toMatchObject({ value: NO_MOVE, disabled: true });
		expect(options[0].name).toMatch(name);
		expect(options[0].description).toMatch(description);
	});

	test('an order that can move lists only real statuses', async () => {
		const order = await createOrder(emu, 'ORD-1');
		await transition(emu, String(order.id), 'analyzing');
		await transition(emu, String(order.id), 'review');
		expect((await targetsFor(emu, String(order.id))).map((o) => [o.value, o.disabled])).toEqual([
			['sign_off', undefined],
		]);
	});

	test('the field explains the list in its hint', () => {
		const field = node.description.properties.find((p) => p.name === 'targetStatus');
		expect(field?.hint).toMatch(/completed or cancelled order cannot move/);
	});

	test('running with the explanatory entry picked fails naming the field, with no request', async () => {
		const [row] = orderRows(1);
		await seedMany(emu, 'orders', [{ ...row, status: 'completed' }]);
		const result = await run(emu, transitionParams(byId(String(row.id)), NO_MOVE));
		expect(result.error?.message).toMatch(/^'Target Status' holds no status: .*could not move/);
		expect(await emu.requests()).toHaveLength(0);
	});
});

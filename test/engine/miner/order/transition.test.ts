import { byId, createOrder, expectMinerRequest, run, transition, UNKNOWN_ID, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const move = (id: unknown, targetStatus: string, extra: Record<string, unknown> = {}) => ({
	resource: 'order',
	operation: 'transition',
	orderId: id,
	targetStatus,
	...extra,
});

describe('Miner › Order › Transition', () => {
	test('moves the order and sends the target and comment', async () => {
		const order = await createOrder(emu, 'ORD-1');
		await emu.clearRequests();
		const result = await run(emu, move(byId(String(order.id)), 'analyzing', { moveOptions: { comment: 'FASTQs in' } }));
		expect(result.output[0].json).toMatchObject({ id: order.id, status: 'analyzing', alreadyInStatus: false });
		const request = await expectMinerRequest(emu, 'POST', `/api/v1/orders/${String(order.id)}/transition`);
		expect(request.body).toEqual({ status: 'analyzing', comment: 'FASTQs in' });
	});

	test('legacy target names are sent as current ones', async () => {
		const order = await createOrder(emu, 'ORD-1');
		await transition(emu, String(order.id), 'analyzing');
		await emu.clearRequests();
		const result = await run(emu, move(byId(String(order.id)), '={{ "ready_for_review" }}'));
		expect(result.output[0].json.status).toBe('review');
		const [request] = await emu.requests({ service: 'miner', method: 'POST' });
		expect(request.body).toEqual({ status: 'review' });
	});

	test('already in the target status: success with a flag, or an error when asked', async () => {
		const order = await createOrder(emu, 'ORD-1');
		await transition(emu, String(order.id), 'analyzing');
		const result = await run(emu, move(byId(String(order.id)), 'analyzing'));
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ status: 'analyzing', alreadyInStatus: true });
		const strict = await run(
			emu,
			move(byId(String(order.id)), 'analyzing', { moveOptions: { failIfAlreadyInStatus: true } }),
		);
		expect(strict.error?.message).toBe('Order ORD-1 is already analyzing');
	});

	test('an illegal move lists the allowed moves', async () => {
		const order = await createOrder(emu, 'ORD-1');
		await transition(emu, String(order.id), 'analyzing');
		await transition(emu, String(order.id), 'review');
		const result = await run(emu, move(byId(String(order.id)), 'analyzing'));
		expect(result.error?.message).toBe(
			'Order ORD-1 cannot move from review to analyzing. Allowed moves: sign_off (Sign Off), cancelled (use the Cancel operation)',
		);
		expect(result.error?.httpCode).toBe('409');
	});

	test('a role refusal is explained', async () => {
		const order = await createOrder(emu, 'ORD-1');
		const result = await run(emu, move(byId(String(order.id)), 'analyzing'), {
			credentials: { accessToken: 'flow-viewer-token' },
		});
		expect(result.error?.message).toMatch(/Permission denied: Moving an order to analyzing needs the project Editor/);
		expect(result.error?.description).toMatch(/Viewer role cannot modify project data/);
	});

	test.each([
		['={{ "cancelled" }}', /use the Cancel operation/],
		['={{ "completed" }}', /completed by signing its report/],
		['={{ "signed_off" }}', /completed by signing its report/],
		['={{ "done" }}', /'Target Status' must be one of analyzing, review, sign_off; got "done"/],
		['={{ "" }}', /'Target Status' is empty/],
	])('target %s fails naming the field, with no request', async (target, message) => {
		const result = await run(emu, move(byId(UNKNOWN_ID), target));
		expect(result.error?.message).toMatch(message);
		expect(await emu.requests()).toHaveLength(0);
	});
});

import { byId, createOrder, expectMinerRequest, run, transition, UNKNOWN_ID, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const updateWith = operationWithId('order', 'update', 'orderId');
const update = (id: unknown, updateFields: Record<string, unknown>) => updateWith(id, { updateFields });

describe('Miner › Order › Update', () => {
	test('PUTs only the given fields', async () => {
		const order = await createOrder(emu, 'ORD-1');
		const result = await run(emu, update(byId(String(order.id)), { priority: 'low', accessionNumber: 'ACC-9' }));
		expect(result.output[0].json).toMatchObject({ priority: 'low', accession_number: 'ACC-9' });
		const request = await expectMinerRequest(emu, 'PUT', `/api/v1/orders/${String(order.id)}`);
		expect(request.body).toEqual({ priority: 'low', accession_number: 'ACC-9' });
	});

	test('editing a cancelled order is a readable 409; Continue On Fail', async () => {
		const order = await createOrder(emu, 'ORD-1');
		await transition(emu, String(order.id), 'cancelled');
		const failed = await run(emu, update(byId(String(order.id)), { description: 'x' }));
		expect(failed.error?.message).toMatch(/Conflict: Order ORD-1 is cancelled and can no longer be edited/);
		const continued = await run(emu, update(byId(UNKNOWN_ID), { description: 'x' }), { continueOnFail: true });
		expect(continued.output[0].json.httpCode).toBe('404');
	});
});

import { byId, createOrder, expectMinerRequest, run, transition, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const del = operationWithId('order', 'delete', 'orderId');

describe('Miner › Order › Delete', () => {
	test('deletes a created order', async () => {
		const order = await createOrder(emu, 'ORD-1');
		const result = await run(emu, del(byId(String(order.id))));
		expect(result.output[0].json).toEqual({ deleted: true, id: order.id });
		await expectMinerRequest(emu, 'DELETE', `/api/v1/orders/${String(order.id)}`);
	});

	test('an order in analysis cannot be deleted (409); an editor may not (403); Continue On Fail', async () => {
		const order = await createOrder(emu, 'ORD-1');
		const fresh = await createOrder(emu, 'ORD-2');
		await transition(emu, String(order.id), 'analyzing');
		const failed = await run(emu, del(byId(String(order.id))));
		expect(failed.error?.message).toMatch(
			/Conflict: Order ORD-1 is analyzing; only created or cancelled orders can be deleted/,
		);
		const editor = await run(emu, del(byId(String(fresh.id))), { credentials: { accessToken: 'flow-editor-token' } });
		expect(editor.error?.message).toMatch(/Permission denied: Deleting an order requires the project admin role/);
		const continued = await run(emu, del(byId('={{ $json.id }}')), {
			items: [{ id: order.id }, { id: fresh.id }],
			continueOnFail: true,
		});
		expect(continued.output.map((item) => item.json.httpCode ?? item.json.deleted)).toEqual(['409', true]);
	});
});

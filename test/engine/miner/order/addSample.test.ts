import { fullOnly } from '../../profile';
import { byId, createOrder, run, subjectWithSample, UNKNOWN_ID, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
// A documented server takes no role on a link: miner/documented.test.ts shows the error then.
const linkRole = fullOnly('the role of a sample link, not in the reference');
const add = (orderId: unknown, sampleId: unknown, role = 'proband') => ({
	resource: 'order',
	operation: 'addSample',
	orderId,
	sampleId,
	role,
});

describe('Miner › Order › Add Sample', () => {
	linkRole.test('links the sample with its role ("tumor" is sent as "tumour")', async () => {
		const { sample } = await subjectWithSample(emu);
		const order = await createOrder(emu, 'ORD-1', { mode: 'somatic' });
		await emu.clearRequests();
		const result = await run(emu, add(byId(String(order.id)), byId(String(sample.id)), '={{ "tumor" }}'));
		expect(result.output[0].json).toMatchObject({ id: sample.id, role: 'tumour', order_id: order.id });
		const [request] = await emu.requests({ service: 'miner', method: 'POST' });
		// The path form of the CLI client and the LIS guide (docs/flow-api.md §9.3).
		expect(request.path).toBe(`/api/v1/orders/${String(order.id)}/samples/${String(sample.id)}`);
		expect(request.body).toEqual({ role: 'tumour' });
	});

	test('a sample linked twice is a readable 409; Continue On Fail', async () => {
		const { sample } = await subjectWithSample(emu);
		const order = await createOrder(emu, 'ORD-1', { samples: [{ sample_id: sample.id }] });
		const failed = await run(emu, add(byId(String(order.id)), byId(String(sample.id))));
		expect(failed.error?.message).toMatch(/Conflict: Sample SAM-1 is already linked to order ORD-1/);
		const continued = await run(emu, add(byId(String(order.id)), byId('={{ $json.id }}'), 'mother'), {
			items: [{ id: UNKNOWN_ID }, { id: sample.id }],
			continueOnFail: true,
		});
		expect(continued.output.map((item) => item.json.httpCode)).toEqual(['404', '409']);
	});
});

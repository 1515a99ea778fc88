import {
	byId,
	createOrder,
	expectMinerRequest,
	run,
	subjectWithSample,
	UNKNOWN_ID,
	useEmulatorHandle,
} from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const del = operationWithId('sample', 'delete', 'sampleId');

describe('Miner › Sample › Delete', () => {
	test('deletes the sample', async () => {
		const { sample } = await subjectWithSample(emu);
		const result = await run(emu, del(byId(String(sample.id))));
		expect(result.output[0].json).toEqual({ deleted: true, id: sample.id });
		await expectMinerRequest(emu, 'DELETE', `/api/v1/samples/${String(sample.id)}`);
	});

	test('refused while on a live order; Continue On Fail', async () => {
		const { sample } = await subjectWithSample(emu);
		await createOrder(emu, 'ORD-1', { samples: [{ sample_id: sample.id }] });
		const failed = await run(emu, del(byId(String(sample.id))));
		expect(failed.error?.message).toMatch(/Conflict: Sample SAM-1 is linked to order ORD-1/);
		const continued = await run(emu, del(byId('={{ $json.id }}')), {
			items: [{ id: UNKNOWN_ID }],
			continueOnFail: true,
		});
		expect(continued.output[0].json.httpCode).toBe('404');
	});
});

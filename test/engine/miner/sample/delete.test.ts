import { byId, createOrder, createSample, createSubject, run, UNKNOWN_ID, useEmulator } from '../fixtures';

const emulator = useEmulator();
const del = (id: unknown) => ({ resource: 'sample', operation: 'delete', sampleId: id });

describe('Miner › Sample › Delete', () => {
	test('deletes the sample', async () => {
		const emu = emulator();
		const subject = await createSubject(emu, 'SUB-1');
		const sample = await createSample(emu, String(subject.id), 'SAM-1');
		const result = await run(emu, del(byId(String(sample.id))));
		expect(result.output[0].json).toEqual({ deleted: true, id: sample.id });
		const [request] = await emu.requests({ service: 'miner', method: 'DELETE' });
		expect(request.path).toBe(`/api/v1/samples/${String(sample.id)}`);
	});

	test('refused while on a live order; Continue On Fail', async () => {
		const emu = emulator();
		const subject = await createSubject(emu, 'SUB-1');
		const sample = await createSample(emu, String(subject.id), 'SAM-1');
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

import { byId, createSample, createSubject, run, useEmulator } from '../fixtures';

const emulator = useEmulator();
const info = (id: unknown) => ({ resource: 'sample', operation: 'getSampleinfo', sampleId: id });

describe('Miner › Sample › Get Sampleinfo', () => {
	test('returns the pipeline-ready manifest', async () => {
		const emu = emulator();
		const subject = await createSubject(emu, 'SUB-1', { sex: 'female', properties: { first_name: 'Jane' } });
		const sample = await createSample(emu, String(subject.id), 'SAM-1', { sample_type: 'somatic' });
		const result = await run(emu, info(byId(String(sample.id))));
		expect(result.output[0].json).toMatchObject({
			sample_id: sample.id,
			sample_name: 'SAM-1',
			sample_type: 'somatic',
			subject: { subject_name: 'SUB-1', sex: 'female', first_name: 'Jane' },
		});
		const [request] = await emu.requests({ service: 'miner', method: 'GET' });
		expect(request.path).toBe(`/api/v1/samples/${String(sample.id)}/sampleinfo`);
	});
});

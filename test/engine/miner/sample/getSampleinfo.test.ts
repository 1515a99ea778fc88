import { byId, createSample, createSubject, expectMinerRequest, run, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const info = operationWithId('sample', 'getSampleinfo', 'sampleId');

describe('Miner › Sample › Get Sampleinfo', () => {
	test('returns the pipeline-ready manifest', async () => {
		const subject = await createSubject(emu, 'SUB-1', { sex: 'female', properties: { first_name: 'Jane' } });
		const sample = await createSample(emu, String(subject.id), 'SAM-1', { sample_type: 'somatic' });
		const result = await run(emu, info(byId(String(sample.id))));
		expect(result.output[0].json).toMatchObject({
			sample_id: sample.id,
			sample_name: 'SAM-1',
			sample_type: 'somatic',
			subject: { subject_name: 'SUB-1', sex: 'female', first_name: 'Jane' },
		});
		await expectMinerRequest(emu, 'GET', `/api/v1/samples/${String(sample.id)}/sampleinfo`);
	});
});

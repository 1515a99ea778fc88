import { byProfile } from '../../profile';
import { byId, expectMinerRequest, run, subjectWithSample, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const get = operationWithId('sample', 'get', 'sampleId');

describe('Miner › Sample › Get', () => {
	test('gets one sample; Simplify drops notes and properties', async () => {
		const { sample } = await subjectWithSample(emu, { notes: 'n', tissue: 'blood' });
		const result = await run(emu, get(byId(String(sample.id))));
		expect(result.output[0].json).toMatchObject({
			id: sample.id,
			display_id: 'SAM-1',
			tissue: 'blood',
		});
		// An x-inferred field: only a server that has it sends it.
		expect(result.output[0].json.subject_display_id).toBe(byProfile({ full: 'SUB-1', documented: undefined }));
		expect(result.output[0].json.notes).toBeUndefined();
		await expectMinerRequest(emu, 'GET', `/api/v1/samples/${String(sample.id)}`);
		const raw = await run(emu, get(byId(String(sample.id)), { simplify: false }));
		expect(raw.output[0].json.notes).toBe('n');
	});
});

import { byProfile } from '../../profile';
import { byId, createSample, createSubject, run, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const updateWith = operationWithId('sample', 'update', 'sampleId');
const update = (id: unknown, updateFields: Record<string, unknown>) => updateWith(id, { updateFields });

describe('Miner › Sample › Update', () => {
	test('PATCHes the given fields, including a move to another subject', async () => {
		const a = await createSubject(emu, 'SUB-A');
		const b = await createSubject(emu, 'SUB-B');
		const sample = await createSample(emu, String(a.id), 'SAM-1');
		const result = await run(emu, {
			...update(byId(String(sample.id)), { subjectId: b.id, tags: 'x,y', collectionDate: '2026-02-01' }),
			simplify: false,
		});
		expect(result.output[0].json).toMatchObject({ subject_id: b.id, tags: ['x', 'y'] });
		// An x-inferred field: only a server that has it sends it.
		expect(result.output[0].json.subject_display_id).toBe(byProfile({ full: 'SUB-B', documented: undefined }));
		const [request] = await emu.requests({ service: 'miner', method: 'PATCH' });
		expect(request.body).toEqual({ subject_id: b.id, tags: ['x', 'y'], collection_date: '2026-02-01' });
	});
});

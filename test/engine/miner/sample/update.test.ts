import { byProfile } from '../../profile';
import { byId, createSample, createSubject, run, UNKNOWN_ID, useEmulator } from '../fixtures';

const emulator = useEmulator();
const update = (id: unknown, updateFields: Record<string, unknown>) => ({
	resource: 'sample',
	operation: 'update',
	sampleId: id,
	updateFields,
});

describe('Miner › Sample › Update', () => {
	test('PATCHes the given fields, including a move to another subject', async () => {
		const emu = emulator();
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

	test('404 and Continue On Fail', async () => {
		const emu = emulator();
		const failed = await run(emu, update(byId(UNKNOWN_ID), { notes: 'x' }));
		expect(failed.error?.message).toMatch(/Not found/);
		const continued = await run(emu, update(byId(UNKNOWN_ID), { notes: 'x' }), { continueOnFail: true });
		expect(continued.output[0].json.httpCode).toBe('404');
	});

	test('bad input fails naming the field, with no request', async () => {
		const emu = emulator();
		const result = await run(emu, update(byId(UNKNOWN_ID), { subjectId: 'SUB-B' }));
		expect(result.error?.message).toMatch(/'Subject ID' must be an iFlow ID/);
		const empty = await run(emu, update(byId(UNKNOWN_ID), {}));
		expect(empty.error?.message).toMatch(/'Update Fields' is empty/);
		expect(await emu.requests()).toHaveLength(0);
	});
});

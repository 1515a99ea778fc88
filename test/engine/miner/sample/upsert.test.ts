import { byId, createSample, createSubject, run, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const upsert = (subjectId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'sample',
	operation: 'upsert',
	subjectId: byId(subjectId),
	displayId: 'SAM-1',
	...extra,
});

describe('Miner › Sample › Create or Update', () => {
	test('run twice creates once (match on display ID)', async () => {
		const subject = await createSubject(emu, 'SUB-1');
		await emu.clearRequests();
		const first = await run(emu, upsert(String(subject.id), { additionalFields: { tissue: 'blood' } }));
		const second = await run(emu, upsert(String(subject.id), { additionalFields: { tissue: 'saliva' } }));
		expect(second.output[0].json).toMatchObject({ id: first.output[0].json.id, tissue: 'saliva' });
		expect(await emu.requests({ service: 'miner', method: 'POST' })).toHaveLength(1);
		const [patch] = await emu.requests({ service: 'miner', method: 'PATCH' });
		expect(patch.path).toBe(`/api/v1/samples/${String(first.output[0].json.id)}`);
		expect(patch.body).toEqual({ subject_id: subject.id, display_id: 'SAM-1', tissue: 'saliva' });
	});

	test('match on external ID', async () => {
		const subject = await createSubject(emu, 'SUB-1');
		const existing = await createSample(emu, String(subject.id), 'SAM-1', { external_id: 'LIMS-S1' });
		const result = await run(emu, upsert(String(subject.id), { matchOn: 'externalId', externalId: 'LIMS-S1' }));
		expect(result.output[0].json.id).toBe(existing.id);
		const [lookup] = await emu.requests({ service: 'miner', method: 'GET' });
		expect(lookup.query.search).toBe('LIMS-S1');
	});
});

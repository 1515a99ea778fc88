import { createSubject, run, useEmulatorHandle } from '../fixtures';
import { operationParams } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const upsert = operationParams('subject', 'upsert', {
	displayId: 'SUB-1',
});

describe('Miner › Subject › Create or Update', () => {
	test('run twice creates once, then updates (match on display ID)', async () => {
		await createSubject(emu, 'SUB-10'); // contains "SUB-1" but is not it
		await emu.clearRequests();
		const first = await run(emu, upsert({ additionalFields: { diagnosis: 'first' } }));
		const second = await run(emu, upsert({ additionalFields: { diagnosis: 'second' } }));
		expect(first.status).toBe('success');
		expect(second.output[0].json).toMatchObject({ id: first.output[0].json.id, diagnosis: 'second' });
		expect(await emu.requests({ service: 'miner', method: 'POST' })).toHaveLength(1);
		const [patch] = await emu.requests({ service: 'miner', method: 'PATCH' });
		expect(patch.body).toEqual({ display_id: 'SUB-1', diagnosis: 'second' });
		const lookups = await emu.requests({ service: 'miner', method: 'GET' });
		expect(lookups[0].query.search).toBe('SUB-1');
		expect(await emu.api<unknown[]>('miner', 'GET', '/subjects')).toHaveLength(2);
	});

	test('match on external ID finds the subject even when its display ID differs', async () => {
		const existing = await createSubject(emu, 'OLD-ID', { external_id: 'LIMS-7' });
		await emu.clearRequests();
		const result = await run(emu, upsert({ matchOn: 'externalId', externalId: 'LIMS-7', displayId: 'OLD-ID' }));
		expect(result.output[0].json.id).toBe(existing.id);
		const again = await run(emu, upsert({ matchOn: 'externalId', externalId: 'LIMS-8', displayId: 'NEW-ID' }));
		expect(again.output[0].json).toMatchObject({ display_id: 'NEW-ID', external_id: 'LIMS-8' });
		expect(await emu.requests({ service: 'miner', method: 'POST' })).toHaveLength(1);
	});

	test('two subjects with the same external ID: refused, naming the field', async () => {
		await createSubject(emu, 'A', { external_id: 'LIMS-7' });
		await createSubject(emu, 'B', { external_id: 'LIMS-7' });
		const result = await run(emu, upsert({ matchOn: 'externalId', externalId: 'LIMS-7' }));
		expect(result.error?.message).toMatch(/'External ID' "LIMS-7" matches 2 subjects/);
	});

	test('API error and Continue On Fail', async () => {
		await emu.fault({
			service: 'miner',
			method: 'POST',
			path: '/subjects',
			status: 422,
			count: 1,
			body: { detail: [{ loc: ['body', 'sex'], msg: 'bad' }] },
		});
		const result = await run(emu, upsert({ displayId: '={{ $json.id }}' }), {
			items: [{ id: 'A' }, { id: 'B' }],
			continueOnFail: true,
		});
		expect(result.output[0].json.error).toMatch(/rejected the input:\nsex: bad/);
		expect(result.output[1].json.display_id).toBe('B');
	});
});

import { fullOnly } from '../../profile';
import { fakeId, run, sampleRows, seedMany, subjectRows, useEmulatorHandle } from '../fixtures';
import { operationParams } from '../../../helpers/suite';

const emu = useEmulatorHandle();
// offset and subject_id are ours: transport/paging-and-projects and miner/documented.test.ts cover a server without them.
const offsetPaging = fullOnly('offset paging, not in the reference');
const getMany = operationParams('sample', 'getMany');

describe('Miner › Sample › Get Many', () => {
	offsetPaging.test('Return All across several pages; filters are sent', async () => {
		await seedMany(emu, 'subjects', subjectRows(1));
		await seedMany(emu, 'samples', sampleRows(250, fakeId(1, 1)));
		// Pages capped at 100 by the server, so Return All needs three.
		await emu.setProfile(emu.profile, { maxPageSize: 100 });
		const result = await run(
			emu,
			getMany({ returnAll: true, filters: { sampleType: 'germline', subjectId: fakeId(1, 1) } }),
		).finally(() => emu.setProfile(emu.profile));
		expect(result.output).toHaveLength(250);
		const requests = await emu.requests({ service: 'miner', method: 'GET' });
		expect(requests).toHaveLength(3);
		expect(requests[0].query).toMatchObject({ sample_type: 'germline', subject_id: fakeId(1, 1), limit: '1000' });
		expect(result.output[0].json).toHaveProperty('subject_display_id', 'SUB-00001');
	});

	test('a 400 is reported readably; Continue On Fail returns an error item', async () => {
		await emu.fault({
			service: 'miner',
			path: '/samples',
			status: 400,
			body: { detail: 'X-Project-ID header required' },
		});
		const failed = await run(emu, getMany({ limit: 3 }));
		expect(failed.error?.message).toMatch(/iFlow rejected the request: X-Project-ID header required/);
		const continued = await run(emu, getMany({ limit: 3 }), { continueOnFail: true });
		expect(continued.output[0].json.httpCode).toBe('400');
	});
});

import { byProfile, fullOnly } from '../../profile';
import { run, seedMany, subjectRows, useEmulatorHandle } from '../fixtures';
import { operationParams } from '../../../helpers/suite';

const emu = useEmulatorHandle();
// offset and sex are ours: transport/paging-and-projects and miner/documented.test.ts cover a server without them.
const offsetPaging = fullOnly('offset paging, not in the reference');
const getMany = operationParams('subject', 'getMany');

describe('Miner › Subject › Get Many', () => {
	offsetPaging.test('Return All pages through every subject with limit/offset', async () => {
		await seedMany(emu, 'subjects', subjectRows(230));
		await emu.setProfile(emu.profile, { maxPageSize: 100 }); // pages capped by the server
		const result = await run(emu, getMany({ returnAll: true })).finally(() => emu.setProfile(emu.profile));
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(230);
		expect(new Set(result.output.map((item) => item.json.id)).size).toBe(230);
		const requests = await emu.requests({ service: 'miner', method: 'GET' });
		expect(requests.map((r) => r.query.offset)).toEqual(['0', '100', '200']);
	});

	test('Limit stops early; filters are sent', async () => {
		await seedMany(emu, 'subjects', subjectRows(30));
		const result = await run(emu, getMany({ limit: 5, filters: { search: 'SUB-0001', sex: 'unknown' } }));
		expect(result.output).toHaveLength(5);
		const [request] = await emu.requests({ service: 'miner', method: 'GET' });
		const inferred = byProfile({ full: { offset: '0', sex: 'unknown' }, documented: {} });
		expect(request.query).toEqual({ limit: '5', search: 'SUB-0001', ...inferred });
	});

	test('a refused list is a readable error; Continue On Fail makes it an item', async () => {
		await emu.fault({ service: 'miner', path: '/subjects', status: 403, body: { detail: 'No access' } });
		const failed = await run(emu, getMany({ returnAll: true }));
		expect(failed.error?.message).toMatch(/Permission denied: No access/);
		const continued = await run(emu, getMany({ returnAll: true }), { continueOnFail: true });
		expect(continued.output[0].json.httpCode).toBe('403');
	});
});

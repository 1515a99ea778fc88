import { byProfile, fullOnly } from '../../profile';
import { orderRows, run, seedMany, useEmulatorHandle } from '../fixtures';
import { operationParams } from '../../../helpers/suite';

const emu = useEmulatorHandle();
// offset and mode are ours: transport/paging-and-projects and miner/documented.test.ts cover a server without them.
const offsetPaging = fullOnly('offset paging, not in the reference');
const getMany = operationParams('order', 'getMany');

describe('Miner › Order › Get Many', () => {
	offsetPaging.test('Return All across several pages', async () => {
		await seedMany(emu, 'orders', orderRows(205));
		await emu.setProfile(emu.profile, { maxPageSize: 100 }); // pages capped by the server
		const result = await run(emu, getMany({ returnAll: true, simplify: false })).finally(() =>
			emu.setProfile(emu.profile),
		);
		expect(result.output).toHaveLength(205);
		expect((await emu.requests({ service: 'miner', method: 'GET' })).map((r) => r.query.offset)).toEqual([
			'0',
			'100',
			'200',
		]);
	});

	test('status, priority, mode and search filters are sent (legacy status as given)', async () => {
		await seedMany(emu, 'orders', orderRows(3));
		const result = await run(
			emu,
			getMany({
				limit: 10,
				filters: { status: '={{ "reviewed" }}', priority: 'high', mode: 'somatic', search: 'ORD' },
			}),
		);
		expect(result.status).toBe('success');
		const [request] = await emu.requests({ service: 'miner', method: 'GET' });
		expect(request.query).toMatchObject({
			status: 'reviewed',
			priority: 'high',
			search: 'ORD',
			limit: '10',
			...byProfile({ full: { mode: 'somatic' }, documented: {} }),
		});
	});
});

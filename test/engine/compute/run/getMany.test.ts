import { PROJECT_A } from '../../../helpers/emulator';
import { byProfile, fullOnly } from '../../profile';
import { createOrder, finishedRun, HEREDITARY_100, run, submitRun, useEmulator } from '../fixtures';

const emulator = useEmulator();
// offset, status and pipeline_id are ours: compute/documented.test.ts and transport/paging-and-projects cover a server without them.
const offsetPaging = fullOnly('offset paging, not in the reference');
const getMany = (extra: Record<string, unknown> = {}) => ({ resource: 'run', operation: 'getMany', ...extra });

describe('Compute › Run › Get Many', () => {
	test('filters by status, order and pipeline, with the required project header', async () => {
		const emu = emulator();
		const order = await createOrder(emu, 'ORD-1');
		await finishedRun(emu, 'failed', { order_id: order.id });
		const wanted = await submitRun(emu, { order_id: order.id, pipeline_id: HEREDITARY_100 });
		await submitRun(emu);
		await emu.clearRequests();
		const result = await run(
			emu,
			getMany({ returnAll: true, filters: { status: 'queued', orderId: order.id, pipelineId: HEREDITARY_100 } }),
		);
		expect(result.output.map((item) => item.json.id)).toEqual([wanted.id]);
		const [request] = await emu.requests({ service: 'compute' });
		expect(request.headers['x-project-id']).toBe(PROJECT_A);
		const inferred = byProfile({ full: { status: 'queued', pipeline_id: HEREDITARY_100 }, documented: {} });
		expect(request.query).toMatchObject({ order_id: order.id, ...inferred });
	});

	offsetPaging.test('Return All pages with limit/offset; Limit stops early', async () => {
		const emu = emulator();
		for (let i = 0; i < 105; i++) await submitRun(emu);
		await emu.clearRequests();
		// A server that caps pages at 100: the offset advances by what came back.
		await emu.setProfile(emu.profile, { maxPageSize: 100 });
		const all = await run(emu, getMany({ returnAll: true })).finally(() => emu.setProfile(emu.profile));
		expect(all.output).toHaveLength(105);
		const pages = await emu.requests({ service: 'compute' });
		expect(pages.map((r) => [r.query.limit, r.query.offset])).toEqual([
			['1000', '0'],
			['1000', '100'],
		]);
		await emu.clearRequests();
		const some = await run(emu, getMany({ returnAll: false, limit: 3 }));
		expect(some.output).toHaveLength(3);
		expect((await emu.requests({ service: 'compute' }))[0].query.limit).toBe('3');
	});
});

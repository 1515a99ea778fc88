import { byProfile } from '../../profile';
import { run, useEmulator } from '../fixtures';

const emulator = useEmulator();
const getMany = (extra: Record<string, unknown> = {}) => ({ resource: 'pipeline', operation: 'getMany', ...extra });

describe('Compute › Pipeline › Get Many', () => {
	test('lists the active pipeline versions', async () => {
		const emu = emulator();
		const result = await run(emu, getMany({ returnAll: true }));
		expect(result.output.map((item) => `${String(item.json.slug)}@${String(item.json.version)}`)).toEqual([
			'hereditary-mock@1.1.0',
			'hereditary-mock@1.0.0',
			'nextflow-minimal@0.1.0',
		]);
		const [request] = await emu.requests({ service: 'compute' });
		expect(request.path).toBe('/api/v1/pipelines');
	});

	test('filters by slug and inactive versions; Limit', async () => {
		const emu = emulator();
		await emu.control('POST', '/seed', {
			pipelines: [{ id: '5c2e8f10-7d3b-4e61-9a2f-1b0c9d8e7f61', is_active: false }],
		});
		const active = await run(emu, getMany({ returnAll: true, filters: { slug: 'hereditary-mock' } }));
		expect(active.output.map((item) => item.json.version)).toEqual(['1.0.0']);
		const all = await run(
			emu,
			getMany({ returnAll: true, filters: { slug: 'hereditary-mock', includeInactive: true } }),
		);
		expect(all.output.map((item) => item.json.version)).toEqual(['1.1.0', '1.0.0']);
		const limited = await run(emu, getMany({ returnAll: false, limit: 1 }));
		expect(limited.output).toHaveLength(1);
		const queries = (await emu.requests({ service: 'compute' })).map((r) => r.query);
		// slug and include_inactive are ours: compute/documented.test.ts shows the documented routes used instead.
		const inferred = byProfile({ full: { slug: 'hereditary-mock', include_inactive: 'true' }, documented: {} });
		expect(queries[1]).toMatchObject(inferred);
	});
});

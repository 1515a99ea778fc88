import { bySlug, run, useEmulator } from '../fixtures';

const emulator = useEmulator();
const getVersions = (slug: string) => ({ resource: 'pipeline', operation: 'getVersions', pipeline: bySlug(slug) });

describe('Compute › Pipeline › Get Versions', () => {
	test('every version, newest first', async () => {
		const emu = emulator();
		const result = await run(emu, getVersions('hereditary-mock'));
		expect(result.output.map((item) => item.json.version)).toEqual(['1.1.0', '1.0.0']);
		const [request] = await emu.requests({ service: 'compute' });
		expect(request.path).toBe('/api/v1/pipelines/slug/hereditary-mock/versions');
	});
});

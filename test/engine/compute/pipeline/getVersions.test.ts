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

	test('an unknown slug (Flow answers []) is a clear error; Continue On Fail', async () => {
		const emu = emulator();
		const failed = await run(emu, getVersions('nope'));
		expect(failed.error?.message).toBe('Pipeline "nope" not found: iFlow lists no versions of it');
		const continued = await run(emu, getVersions('={{ $json.slug }}'), {
			items: [{ slug: 'nope' }, { slug: 'nextflow-minimal' }],
			continueOnFail: true,
		});
		expect(continued.output.map((item) => item.json.error ?? item.json.version)).toEqual([
			'Pipeline "nope" not found: iFlow lists no versions of it',
			'0.1.0',
		]);
	});

	test('API error and bad input', async () => {
		const emu = emulator();
		const expired = await run(emu, getVersions('hereditary-mock'), {
			credentials: { accessToken: 'flow-expired-token' },
		});
		expect(expired.error?.httpCode).toBe('401');
		await emu.clearRequests();
		const bad = await run(emu, getVersions('={{ "" }}'));
		expect(bad.error?.message).toMatch(/'Pipeline' is empty/);
		expect(await emu.requests()).toHaveLength(0);
	});
});

import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { loadOptionsContext } from '../../../helpers/engine';
import { bySlug, HEREDITARY_100, HEREDITARY_110, node, run, useEmulator } from '../fixtures';

const emulator = useEmulator();
const getBySlug = (slug: string, version = '') => ({
	resource: 'pipeline',
	operation: 'getBySlug',
	pipeline: bySlug(slug),
	version,
});

describe('Compute › Pipeline › Get by Slug', () => {
	test('latest active version without a version; the given one with it', async () => {
		const emu = emulator();
		expect((await run(emu, getBySlug('hereditary-mock'))).output[0].json.id).toBe(HEREDITARY_110);
		expect((await run(emu, getBySlug('hereditary-mock', '1.0.0'))).output[0].json.id).toBe(HEREDITARY_100);
		const queries = (await emu.requests({ service: 'compute' })).map((r) => [r.path, r.query]);
		expect(queries).toEqual([
			['/api/v1/pipelines/slug/hereditary-mock', {}],
			['/api/v1/pipelines/slug/hereditary-mock', { version: '1.0.0' }],
		]);
	});

	test('the Version list offers Latest and every version of the chosen pipeline', async () => {
		const emu = emulator();
		const parameters = getBySlug('hereditary-mock');
		const context = loadOptionsContext({ node, parameters, credentials: emu.credentials() });
		// n8n's editor sends the node's current parameters with a load-options request.
		(
			context as unknown as { additionalData: { currentNodeParameters: unknown } }
		).additionalData.currentNodeParameters = parameters;
		const options = await node.methods.loadOptions.getPipelineVersions.call(
			context as unknown as ILoadOptionsFunctions,
		);
		expect(options.map((o) => o.value)).toEqual(['', '1.1.0', '1.0.0']);
	});

	test('unknown version → 404; Continue On Fail', async () => {
		const emu = emulator();
		const failed = await run(emu, getBySlug('hereditary-mock', '9.9.9'));
		expect(failed.error?.message).toBe('Not found: Pipeline hereditary-mock version 9.9.9 not found');
		const continued = await run(emu, getBySlug('nope'), { continueOnFail: true });
		expect(continued.output[0].json.httpCode).toBe('404');
	});
});

import type { ILoadOptionsFunctions, INodeParameters } from 'n8n-workflow';

import { loadOptionsContext } from '../../../helpers/engine';
import type { EmulatorHandle } from '../../../helpers/emulator';
import { bySlug, HEREDITARY_100, HEREDITARY_110, node, run, useEmulator } from '../fixtures';

const emulator = useEmulator();
const submit = (version = '') => ({
	resource: 'run',
	operation: 'submit',
	pipeline: bySlug('hereditary-mock'),
	version,
});

async function versionOptions(emu: EmulatorHandle) {
	const parameters = submit() as unknown as INodeParameters;
	const ctx = loadOptionsContext({ node, parameters, credentials: emu.credentials() });
	// n8n's editor sends the node's current parameters with a load-options request.
	(ctx as unknown as { additionalData: { currentNodeParameters: unknown } }).additionalData.currentNodeParameters =
		parameters;
	return await node.methods.loadOptions.getPipelineVersions.call(ctx as unknown as ILoadOptionsFunctions);
}

/** Make one seeded pipeline version inactive. */
const deactivate = async (emu: EmulatorHandle, id: string) =>
	await emu.control('POST', '/seed', { pipelines: [{ id, is_active: false }] });

describe('Compute › Run › Submit › Version list', () => {
	test('inactive versions are marked and listed after the active ones', async () => {
		const emu = emulator();
		await deactivate(emu, HEREDITARY_110); // the newest version
		const options = await versionOptions(emu);
		expect(options.map((o) => [o.name, o.value])).toEqual([
			['Latest', ''],
			['1.0.0', '1.0.0'],
			['1.1.0 (inactive)', '1.1.0'],
		]);
		expect(options[2].description).toMatch(/^Inactive: iFlow decides whether it may still run/);
		expect(options[1].description).toBe(`ID ${HEREDITARY_100}`);
	});

	test('all active: newest first, nothing marked', async () => {
		const emu = emulator();
		expect((await versionOptions(emu)).map((o) => o.name)).toEqual(['Latest', '1.1.0', '1.0.0']);
	});

	test('the field says what an inactive version means', () => {
		const field = node.description.properties.find((p) => p.name === 'version');
		expect(field?.description).toMatch(/Inactive versions come last, marked \(inactive\): iFlow decides/);
	});

	test('submitting an inactive version is left to iFlow (its refusal is shown)', async () => {
		const emu = emulator();
		await deactivate(emu, HEREDITARY_110);
		const result = await run(emu, submit('1.1.0'));
		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.message).toMatch(/not active/);
		const posts = await emu.requests({ service: 'compute', method: 'POST', path: '/api/v1/runs' });
		expect(posts).toHaveLength(1);
		expect(posts[0].body.pipeline_id).toBe(HEREDITARY_110);
	});
});

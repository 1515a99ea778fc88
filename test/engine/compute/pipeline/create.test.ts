import { TOKENS } from '../../../helpers/emulator';
import { run, useEmulator } from '../fixtures';
import { operationParams } from '../../../helpers/suite';

const emulator = useEmulator();
const create = operationParams('pipeline', 'create', {
	name: 'Hereditary panel',
	slug: 'hereditary-panel',
	version: '2.0.0',
	sourceType: 'gitlab',
	sourceUrl: 'https://gitlab.example.org/pipelines/hereditary-panel/hereditary-panel.wdl',
});

describe('Compute › Pipeline › Create', () => {
	test('registers a version with the documented fields', async () => {
		const emu = emulator();
		const result = await run(
			emu,
			create({
				additionalFields: {
					executionMode: 'direct_wdl',
					defaultProfile: 'gcp',
					defaultContainerImage: 'broadinstitute/cromwell:87',
					description: 'Panel v2',
					tags: 'hereditary, panel',
					properties: '{"author": "Intelliseq"}',
				},
			}),
		);
		expect(result.output[0].json).toMatchObject({ slug: 'hereditary-panel', version: '2.0.0', is_active: true });
		const [post] = await emu.requests({ service: 'compute', method: 'POST' });
		expect(post.body).toEqual({
			name: 'Hereditary panel',
			slug: 'hereditary-panel',
			version: '2.0.0',
			source_type: 'gitlab',
			source_url: 'https://gitlab.example.org/pipelines/hereditary-panel/hereditary-panel.wdl',
			execution_mode: 'direct_wdl',
			default_profile: 'gcp',
			default_container_image: 'broadinstitute/cromwell:87',
			description: 'Panel v2',
			tags: ['hereditary', 'panel'],
			properties: { author: 'Intelliseq' },
		});
	});

	test('an existing version is a 409 unless overwritten; editors get 403; Continue On Fail', async () => {
		const emu = emulator();
		const existing = create({ slug: 'hereditary-mock', version: '1.0.0' });
		const conflict = await run(emu, existing);
		expect(conflict.error?.message).toMatch(/^Conflict: .*already exists/);
		const forced = await run(emu, { ...existing, additionalFields: { force: true } });
		expect(forced.output[0].json.id).toBe('5c2e8f10-7d3b-4e61-9a2f-1b0c9d8e7f60');
		const editor = await run(emu, create(), { credentials: { accessToken: TOKENS.editor }, continueOnFail: true });
		expect(editor.output[0].json.httpCode).toBe('403');
	});
});

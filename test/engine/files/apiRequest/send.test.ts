import { PROJECT_A } from '../../../helpers/emulator';
import { apiRequest } from '../../apiRequest/nodes';
import { run, seedFiles, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const send = apiRequest;

describe('iFlow Files › API Request', () => {
	test('calls any files endpoint with the project as header and query', async () => {
		await seedFiles(emu, { 'a/b.txt': 'b' });
		const result = await run(emu, send('/files', { query: { parameter: [{ name: 'path', value: 'a/' }] } }));
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ bucket_name: 'bgl-hereditary-2026', path: 'a/' });
		const [req] = await emu.requests({ service: 'files' });
		expect(req.query).toEqual({ path: 'a/', project_id: PROJECT_A });
		expect(req.headers['x-project-id']).toBe(PROJECT_A);
	});

	test('an API error is readable; Continue On Fail', async () => {
		const failed = await run(emu, send('/files/download-url?path=x'));
		expect(failed.status).toBe('error');
		const result = await run(
			emu,
			send('/files/download-url', { query: { parameter: [{ name: 'path', value: 'nope' }] } }),
			{ continueOnFail: true },
		);
		expect(result.output[0].json).toMatchObject({ error: 'Not found: File not found', httpCode: '404' });
	});

	test('a full URL as path is refused before any request', async () => {
		const result = await run(emu, send('https://evil.example/files'));
		expect(result.error?.message).toMatch(/^'Path': /);
		expect(await emu.requests()).toHaveLength(0);
	});
});

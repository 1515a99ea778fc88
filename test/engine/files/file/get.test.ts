import { TOKENS } from '../../../helpers/emulator';
import { fullOnly } from '../../profile';
import { params, run, seedFiles, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
// The entry is the same without it: files/reference/file.test.ts, both profiles.
const metadataRoute = fullOnly('GET /files/metadata, not in the reference');
const get = (filePath: string) => params('file', 'get', { filePath });

describe('iFlow Files › File › Get', () => {
	metadataRoute.test("returns the file's entry (no bytes)", async () => {
		await seedFiles(emu, { 'uploads/a.vcf': 'ABC' });
		const result = await run(emu, get('uploads/a.vcf'));
		expect(result.status).toBe('success');
		// Simplify (on by default) leaves out `name`: the same key as `path`.
		expect(result.output[0].json).toEqual({
			display_name: 'a.vcf',
			size: 3,
			last_modified: expect.stringMatching(/\+00:00$/),
			is_folder: false,
			content_type: expect.any(String),
			path: 'uploads/a.vcf',
		});
		const [req] = await emu.requests({ service: 'files' });
		expect(req).toMatchObject({ path: '/api/v1/files/metadata', query: { path: 'uploads/a.vcf' } });
	});

	test('an API error is readable; Continue On Fail keeps going', async () => {
		await emu.fault({ service: 'files', path: '^/api/v1/', status: 500, body: { detail: 'boom' }, count: 1 });
		const failed = await run(emu, get('a.txt'));
		expect(failed.error?.message).toBe('iFlow files service failed (HTTP 500): boom');
		const result = await run(emu, get('a.txt'), { credentials: { accessToken: TOKENS.expired }, continueOnFail: true });
		expect(result.output[0].json.httpCode).toBe('401');
	});
});

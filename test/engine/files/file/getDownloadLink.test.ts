import { allText } from '../../../helpers/engine';
import { PROJECT_A, TOKENS } from '../../../helpers/emulator';
import { byProfile } from '../../profile';
import { params, run, seedFiles, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const link = (filePath: string) => params('file', 'getDownloadLink', { filePath });

describe('iFlow Files › File › Get Download Link', () => {
	test('returns only the signed URL and its expiry; the link downloads the file without a token', async () => {
		await seedFiles(emu, { 'analyses/run-1/report.pdf': 'PDF' });
		const result = await run(emu, link('analyses/run-1/report.pdf'));
		expect(result.status).toBe('success');
		const json = result.output[0].json;
		expect(Object.keys(json).sort()).toEqual(['expires_at', 'expires_in', 'path', 'url']);
		// The expiry is ours (INFERRED): a server with only the reference does not say it, so null.
		const expiry = byProfile({
			full: { expires_in: 3600, expires_at: expect.any(String) },
			documented: { expires_in: null, expires_at: null },
		});
		expect(json).toMatchObject({ path: 'analyses/run-1/report.pdf', ...expiry });
		if (json.expires_at !== null) expect(new Date(String(json.expires_at)).getTime()).toBeGreaterThan(Date.now());
		expect(await (await fetch(String(json.url))).text()).toBe('PDF');

		const [req] = await emu.requests({ service: 'files' });
		expect(req).toMatchObject({ method: 'GET', path: '/api/v1/files/download-url', status: 200 });
		expect(req.query).toEqual({ path: 'analyses/run-1/report.pdf', project_id: PROJECT_A });
		expect(req.headers['x-project-id']).toBe(PROJECT_A);
	});

	test('Continue On Fail: the error item carries no signed URL or token', async () => {
		await seedFiles(emu, { 'a.txt': 'a' });
		const result = await run(emu, link('={{ $json.p }}'), {
			items: [{ p: 'a.txt' }, { p: 'missing.txt' }],
			credentials: { accessToken: TOKENS.viewer },
			continueOnFail: true,
		});
		expect(result.status).toBe('success');
		expect(result.output[0].json.url).toMatch(/_signed/);
		expect(result.output[1].json).toMatchObject({ error: 'Not found: File not found', httpCode: '404' });
		expect(allText(result.output[1])).not.toMatch(/_signed|X-Flow|flow-viewer-token/);
	});
});

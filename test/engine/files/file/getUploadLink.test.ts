import { allText } from '../../../helpers/engine';
import { PROJECT_A, TOKENS } from '../../../helpers/emulator';
import { byProfile } from '../../profile';
import { expectFilesRequest, params, run, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const link = (filePath: string, contentType = 'application/gzip') =>
	params('file', 'getUploadLink', { filePath, contentType });

describe('iFlow Files › File › Get Upload Link', () => {
	test('returns the signed PUT URL, its expiry and the content type it was signed for', async () => {
		const result = await run(emu, link('samples/sam-001/uploads/reads_R1.fastq.gz'));
		expect(result.status).toBe('success');
		const json = result.output[0].json;
		expect(Object.keys(json).sort()).toEqual(['content_type', 'expires_at', 'expires_in', 'method', 'path', 'url']);
		// The expiry is ours (INFERRED): a server with only the reference does not say it, so null.
		expect(json).toMatchObject({
			method: 'PUT',
			content_type: 'application/gzip',
			expires_in: byProfile({ full: 900, documented: null }),
		});

		// Another system uploads with it directly (no token), then the file is in iFlow.
		const put = await fetch(String(json.url), {
			method: 'PUT',
			headers: { 'content-type': 'application/gzip' },
			body: 'GZDATA',
		});
		expect(put.status).toBe(200);
		const listing = await emu.api('files', 'GET', '/files', { query: { path: 'samples/sam-001/uploads/' } });
		expect(listing.files).toEqual([
			expect.objectContaining({ name: 'samples/sam-001/uploads/reads_R1.fastq.gz', size: 6 }),
		]);

		const req = await expectFilesRequest(emu, 'POST', '/api/v1/files/upload-url');
		expect(req.body).toEqual({ path: 'samples/sam-001/uploads/reads_R1.fastq.gz', content_type: 'application/gzip' });
		expect(req.query.project_id).toBe(PROJECT_A);
	});

	test('a signed report path is refused by iFlow (403)', async () => {
		const result = await run(emu, link('orders/ord-001/signed-report.pdf'));
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.message).toBe('Permission denied: Signed reports are immutable');
	});

	test('Continue On Fail keeps going and leaks nothing', async () => {
		const result = await run(emu, link('uploads/x.bin'), {
			items: [{}, {}],
			credentials: { accessToken: TOKENS.viewer },
			continueOnFail: true,
		});
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(2);
		expect(result.output.map((item) => item.json.httpCode)).toEqual(['403', '403']);
		expect(allText(result.output)).not.toMatch(/flow-viewer-token|_signed/);
	});
});

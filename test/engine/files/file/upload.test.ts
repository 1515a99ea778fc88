import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { allText } from '../../../helpers/engine';
import { PROJECT_A, TOKENS } from '../../../helpers/emulator';
import { expectFilesRequest, params, run, seedFiles, serveDocument, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const upload = (filePath: string, extra = {}) => params('file', 'upload', { filePath, ...extra });
const TEXT = 'sample_id,barcode\nSAM-001,ACGTACGT\n';

/** An item with inline (memory-mode) binary data, as n8n's default mode leaves it. */
function inlineItem(text = TEXT, fileName = 'sheet.csv', mimeType = 'text/csv', property = 'data'): INodeExecutionData {
	return {
		json: {},
		binary: { [property]: { data: Buffer.from(text).toString('base64'), fileName, mimeType } },
	};
}

describe('iFlow Files › File › Upload', () => {
	test('uploads inline binary data through a signed URL and checks the stored size', async () => {
		const result = await run(emu, upload('uploads/sheets/'), { items: [inlineItem()] });
		expect(result.status).toBe('success');
		expect(result.output[0].json).toEqual({
			display_name: 'sheet.csv',
			size: TEXT.length,
			last_modified: expect.any(String),
			is_folder: false,
			content_type: 'text/csv',
			path: 'uploads/sheets/sheet.csv',
		});
		const stored = await emu.api<string>('files', 'GET', '/files/download-url', {
			query: { path: 'uploads/sheets/sheet.csv' },
		});
		const url = (stored as unknown as { url: string }).url;
		expect(await (await fetch(url)).text()).toBe(TEXT);

		const signing = await expectFilesRequest(emu, 'POST', '/api/v1/files/upload-url');
		expect(signing.body).toEqual({ path: 'uploads/sheets/sheet.csv', content_type: 'text/csv' });
		expect(signing.query.project_id).toBe(PROJECT_A);
		const [put] = await emu.requests({ service: 'storage', method: 'PUT' });
		expect(put.status).toBe(200);
		expect(put.headers['content-length']).toBe(String(TEXT.length));
		expect(put.headers['content-type']).toBe('text/csv');
		expect(put.headers.authorization).toBeUndefined();
		expect(allText(result.run)).not.toMatch(/X-Flow-Signature/);
	});

	test('the Content Type option wins over the input MIME type', async () => {
		const result = await run(emu, upload('uploads/x.vcf', { options: { contentType: 'text/x-vcf' } }), {
			items: [inlineItem('##fileformat=VCFv4.2\n', 'x.vcf', 'text/plain')],
		});
		expect(result.status).toBe('success');
		expect(result.output[0].json.content_type).toBe('text/x-vcf');
	});

	test('an existing file is kept unless Overwrite is on', async () => {
		await seedFiles(emu, { 'uploads/sheet.csv': 'old' });
		const refused = await run(emu, upload('uploads/sheet.csv'), { items: [inlineItem()] });
		expect(refused.status).toBe('error');
		expect(refused.error?.message).toBe('uploads/sheet.csv already exists in iFlow');
		expect(await emu.requests({ service: 'storage' })).toHaveLength(0);

		const replaced = await run(emu, upload('uploads/sheet.csv', { options: { overwrite: true } }), {
			items: [inlineItem()],
		});
		expect(replaced.status).toBe('success');
		expect(replaced.output[0].json.size).toBe(TEXT.length);
	});

	test('a stored size that differs from what was sent fails the item', async () => {
		// The storage answers 200 but keeps what it had (7 bytes): the size check, by whichever
		// route the server offers, is what notices.
		await seedFiles(emu, { 'uploads/sheet.csv': 'partial' });
		await emu.fault({ service: 'storage', method: 'PUT', count: 1, status: 200, body: {} });
		const result = await run(emu, upload('uploads/sheet.csv', { options: { overwrite: true } }), {
			items: [inlineItem()],
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`Upload of uploads/sheet.csv is incomplete: iFlow has 7 bytes, ${TEXT.length} were sent`,
		);
	});

	test('works where iFlow does not list the metadata endpoint (size checked in the folder listing)', async () => {
		await serveDocument(emu, 'files', (doc) => delete (doc.paths as IDataObject)['/api/v1/files/metadata']);
		const result = await run(emu, upload('uploads/sheet.csv'), { items: [inlineItem()] });
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ path: 'uploads/sheet.csv', size: TEXT.length });
		const listings = await emu.requests({ service: 'files', method: 'GET', path: '/api/v1/files' });
		expect(listings.map((r) => r.query.path)).toEqual(['uploads/', 'uploads/']);
	});

	test('a storage refusal is readable and does not show the signed URL', async () => {
		await emu.fault({
			service: 'storage',
			method: 'PUT',
			status: 403,
			body: { detail: 'SignatureDoesNotMatch: Content-Type must be text/csv' },
		});
		const result = await run(emu, upload('uploads/sheet.csv'), { items: [inlineItem()] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Storage refused the upload of uploads/sheet.csv (HTTP 403): SignatureDoesNotMatch: Content-Type must be text/csv',
		);
		expect(allText(result.run)).not.toMatch(/_signed|X-Flow/);
	});

	test('a viewer gets a readable 403', async () => {
		const result = await run(emu, upload('uploads/sheet.csv'), {
			items: [inlineItem()],
			credentials: { accessToken: TOKENS.viewer },
		});
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.message).toMatch(/^Permission denied/);
	});

	test('Continue On Fail: an item without the binary field becomes an error item', async () => {
		const result = await run(emu, upload('uploads/'), { items: [{ json: {} }, inlineItem()], continueOnFail: true });
		expect(result.status).toBe('success');
		expect(result.output[0].json.error).toMatch(/binary/);
		expect(result.output[1].json).toMatchObject({ path: 'uploads/sheet.csv' });
	});

	test('bad input: a missing binary field, a ".." path or an empty path sends nothing', async () => {
		for (const [filePath, items, message] of [
			['uploads/a.csv', [{ json: {} }], /binary/],
			['uploads/../../etc/passwd', [inlineItem()], /^'Destination Path': .*"\.\." segments/],
			['', [inlineItem()], /^'Destination Path': the path is empty/],
		] as const) {
			// An expression, so that n8n's own "required" check does not stop the empty path first.
			const result = await run(emu, upload('={{ $json.target }}'), {
				items: items.map((item) => ({ ...item, json: { target: filePath } })),
			});
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(message);
		}
		expect(await emu.requests()).toHaveLength(0);
	});
});

// File operations on a server with only the published reference (`documented`): the same answer
// as in `full`, or, for routes the reference does not have, a clear "not offered" error before
// any request.
import type { INodeExecutionData } from 'n8n-workflow';

import type { EmulatorHandle } from '../../../helpers/emulator';
import { PROFILES, useProfile } from '../../profile';
import { params, run, seedFiles, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const TEXT = 'sample_id,barcode\nSAM-001,ACGTACGT\n';

function inlineItem(text = TEXT, fileName = 'sheet.csv'): INodeExecutionData {
	return { json: {}, binary: { data: { data: Buffer.from(text).toString('base64'), fileName, mimeType: 'text/csv' } } };
}

/** Every request but the /openapi.json reads, as "METHOD service path". */
async function calls(emu: EmulatorHandle) {
	return (await emu.requests()).map(
		(entry) => `${entry.method} ${entry.service} ${entry.path.replace(/^\/_signed\/.*/, '/_signed')}`,
	);
}

describe.each(PROFILES)('iFlow Files › File (%s profile)', (profile) => {
	beforeEach(async () => await useProfile(emu, profile));

	test('Get of a file in a folder with many entries: the same entry, one request', async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 1200; i++) files[`big/f${String(i).padStart(4, '0')}.txt`] = 'x';
		files['big/sub/inner.txt'] = 'y';
		files['big/target.vcf'] = 'ACGT';
		await seedFiles(emu, files);
		const result = await run(emu, params('file', 'get', { filePath: 'big/target.vcf' }));
		expect(result.status).toBe('success');
		expect(result.output[0].json).toEqual({
			display_name: 'target.vcf',
			size: 4,
			last_modified: expect.stringMatching(/\+00:00$/),
			is_folder: false,
			content_type: expect.any(String),
			path: 'big/target.vcf',
		});
		expect(await calls(emu)).toEqual(
			profile === 'full' ? ['GET files /api/v1/files/metadata'] : ['GET files /api/v1/files'],
		);
		const folder = await run(emu, params('file', 'get', { filePath: 'big/sub/' }));
		expect(folder.output[0].json).toMatchObject({ path: 'big/sub/', is_folder: true, size: null });
	});

	test('Get of a missing file is the same error', async () => {
		await seedFiles(emu, { 'uploads/other.txt': 'o' });
		const result = await run(emu, params('file', 'get', { filePath: 'uploads/a.txt' }));
		expect(result.error?.message).toBe('uploads/a.txt does not exist in iFlow');
	});

	test('Upload: the same stored file, checked by size, in 4 requests', async () => {
		const result = await run(emu, params('file', 'upload', { filePath: 'uploads/' }), { items: [inlineItem()] });
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ path: 'uploads/sheet.csv', size: TEXT.length, is_folder: false });
		const check = profile === 'full' ? 'GET files /api/v1/files/metadata' : 'GET files /api/v1/files';
		expect(await calls(emu)).toEqual([check, 'POST files /api/v1/files/upload-url', 'PUT storage /_signed', check]);
		const signed = (await emu.api('files', 'GET', '/files/download-url', { query: { path: 'uploads/sheet.csv' } })) as {
			url: string;
		};
		expect(await (await fetch(signed.url)).text()).toBe(TEXT);
	});

	test('Upload refuses to replace an existing file unless Overwrite is on', async () => {
		await seedFiles(emu, { 'uploads/sheet.csv': 'old' });
		const refused = await run(emu, params('file', 'upload', { filePath: 'uploads/sheet.csv' }), {
			items: [inlineItem()],
		});
		expect(refused.error?.message).toBe('uploads/sheet.csv already exists in iFlow');
		const replaced = await run(
			emu,
			params('file', 'upload', { filePath: 'uploads/sheet.csv', options: { overwrite: true } }),
			{ items: [inlineItem()] },
		);
		expect(replaced.output[0].json).toMatchObject({ size: TEXT.length });
	});

	test('Download and the signed links work the same', async () => {
		await seedFiles(emu, { 'uploads/a.vcf': 'ACGT' });
		const download = await run(emu, params('file', 'download', { filePath: 'uploads/a.vcf' }));
		expect(download.output[0].json).toMatchObject({ path: 'uploads/a.vcf', size: 4 });
		const link = await run(emu, params('file', 'getDownloadLink', { filePath: 'uploads/a.vcf' }));
		expect(await (await fetch(String(link.output[0].json.url))).text()).toBe('ACGT');
		const upload = await run(emu, params('file', 'getUploadLink', { filePath: 'uploads/b.txt' }));
		expect(upload.output[0].json).toMatchObject({
			path: 'uploads/b.txt',
			method: 'PUT',
			url: expect.stringMatching(/^http/),
		});
	});

	test('API Request: a documented route works', async () => {
		await seedFiles(emu, { 'a/b.txt': 'b' });
		const result = await run(emu, {
			resource: 'apiRequest',
			operation: 'send',
			method: 'GET',
			path: '/files',
			query: { parameter: [{ name: 'path', value: 'a/' }] },
		});
		expect(result.output[0].json).toMatchObject({ path: 'a/', files: [expect.objectContaining({ name: 'a/b.txt' })] });
	});
});

// Copy, move and delete are not in the published reference (docs/flow-api.md §8.4, §8.5: existence only).
const beyond = [
	{
		title: 'File › Copy',
		parameters: params('file', 'copy', { sourcePath: 'run/a.txt', destinationPath: 'backup/' }),
		route: 'POST /files/copy',
		instead: /Instead: Download the file with File › Download and upload it .* API Request/,
	},
	{
		title: 'File › Move or Rename',
		parameters: params('file', 'move', { sourcePath: 'run/a.txt', destinationPath: 'run/b.txt' }),
		route: 'POST /files/move',
		instead: /Instead: Download the file .* delete the original in the iFlow web app/,
	},
	{
		title: 'File › Delete',
		parameters: params('file', 'delete', { filePath: 'run/a.txt' }),
		route: 'DELETE /files',
		instead: /Instead: Delete it in the iFlow web app/,
	},
	{
		title: 'Folder › Delete',
		parameters: params('folder', 'delete', { folderPath: 'run/', recursive: true }),
		route: 'DELETE /files',
		instead: /Instead: Delete it in the iFlow web app/,
	},
];

describe.each(beyond)('iFlow Files › $title (beyond the reference)', ({ parameters, route, instead }) => {
	const [method, path] = route.split(' ');

	test('works on a server that offers it', async () => {
		await useProfile(emu, 'full');
		await seedFiles(emu, { 'run/a.txt': 'A' });
		const result = await run(emu, parameters);
		expect(result.status).toBe('success');
		expect(await emu.requests({ service: 'files', method, path: `/api/v1${path}` })).toHaveLength(1);
	});

	test('on a server with only the reference: "not offered" before any request; Continue On Fail', async () => {
		await useProfile(emu, 'documented');
		await seedFiles(emu, { 'run/a.txt': 'A' });
		const result = await run(emu, parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`This iFlow server does not offer ${method} ${path} (files service)`);
		expect(result.error?.description).toMatch(/not in the published iFlow API reference.*This is not a wrong ID/);
		expect(result.error?.description).toMatch(instead);
		expect(await calls(emu)).toEqual([]);
		const kept = await run(emu, parameters, { items: [{}, {}], continueOnFail: true });
		expect(kept.output.map((item) => item.json.error)).toEqual([result.error?.message, result.error?.message]);
		// Nothing changed in the bucket.
		const listing = await emu.api('files', 'GET', '/files', { query: { path: 'run/' } });
		expect((listing as { files: Array<{ name: string }> }).files.map((file) => file.name)).toEqual(['run/a.txt']);
	});

	test('on a server without a document whose route is missing: the missing-endpoint error', async () => {
		await useProfile(emu, 'full');
		await seedFiles(emu, { 'run/a.txt': 'A' });
		await emu.fault({
			service: 'files',
			method: 'GET',
			path: '^/openapi\\.json$',
			status: 404,
			body: { detail: 'Not Found' },
		});
		await emu.fault({ service: 'files', method, path: `^/api/v1${path}$`, status: 404, body: { detail: 'Not Found' } });
		const result = await run(emu, parameters);
		expect(result.error?.message).toBe(`This iFlow server does not offer ${method} ${path} (files service)`);
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toMatch(instead);
	});
});

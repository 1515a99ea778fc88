// Files through lost answers: Upload (the signed PUT is sent again: one object, the same
// bytes), Copy and Move (natural key: the destination path, with the source's size for a copy),
// and Download through 429/503/broken connections from storage. Upload and Download use only
// documented routes (both emulator profiles); Copy and Move are beyond the reference, and a
// server without them refuses them before any request (files/reference/file.test.ts).
import type { INodeExecutionData } from 'n8n-workflow';

import { node, seedFiles } from '../files/fixtures';
import { nodeRunner, useEmulator } from '../../helpers/suite';
import { fullOnly } from '../profile';
import { FAULT_KINDS, faultKind, injectOnce, stored } from './kinds';

const emulator = useEmulator();
const files = nodeRunner(node);
const TEXT = 'sample_id,barcode\nSAM-001,ACGTACGT\n';

const inlineItem = (text = TEXT): INodeExecutionData => ({
	json: {},
	binary: { data: { data: Buffer.from(text).toString('base64'), fileName: 'sheet.csv', mimeType: 'text/csv' } },
});
const posted = (operation: 'copy' | 'move') => ({
	service: 'files',
	method: 'POST',
	path: `^/api/v1/files/${operation}$`,
});
/** Copy or Move parameters. */
const transfer = (operation: 'copy' | 'move', sourcePath: string, destinationPath: string, extra = {}) => ({
	resource: 'file',
	operation,
	sourcePath,
	destinationPath,
	...extra,
});
const upload = { resource: 'file', operation: 'upload', filePath: 'uploads/sheet.csv' };
const download = { resource: 'file', operation: 'download', filePath: 'uploads/x.txt' };

describe('Files › File › Upload through lost answers from storage', () => {
	test.each(FAULT_KINDS)('$name on the signed PUT: sent again, stored once with every byte', async (kind) => {
		const emu = emulator();
		await injectOnce(emu, kind, { service: 'storage', method: 'PUT' });
		const result = await files(emu, upload, { items: [inlineItem()] });
		expect(result.error).toBeUndefined();
		expect(result.output[0].json).toMatchObject({ path: 'uploads/sheet.csv', size: TEXT.length });
		expect(await emu.requests({ service: 'storage', method: 'PUT' })).toHaveLength(2);
		expect(await stored(emu, 'uploads/sheet.csv')).toEqual(Buffer.from(TEXT));
	});

	test('429 with Retry-After and 503 from storage: waited for, then sent', async () => {
		const emu = emulator();
		await emu.fault({ service: 'storage', method: 'PUT', status: 429, retryAfter: '1', count: 1 });
		await emu.fault({ service: 'storage', method: 'PUT', status: 503, count: 1 });
		const started = Date.now();
		const result = await files(emu, upload, { items: [inlineItem()] });
		expect(result.output[0].json.size).toBe(TEXT.length);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		expect(await emu.requests({ service: 'storage', method: 'PUT' })).toHaveLength(3);
	});

	test('storage failing for longer than the retry budget allows: the error lists what each attempt met', async () => {
		const emu = emulator();
		await emu.fault({ service: 'storage', method: 'PUT', status: 503, retryAfter: '1', count: 1 });
		await emu.fault({ service: 'storage', method: 'PUT', status: 502, retryAfter: '61' });
		const result = await files(emu, upload, { items: [inlineItem()] });
		expect(result.error?.message).toMatch(/Storage refused the upload of uploads\/sheet.csv \(HTTP 502\)/);
		expect(result.error?.description).toMatch(/Tried 2 times over 1 s \(503, 502\)\.$/);
	});
});

describe('Files › File › Download through storage faults', () => {
	test.each([
		['429 with Retry-After', { status: 429, retryAfter: '0' }],
		['503', { status: 503 }],
		['a connection reset', { reset: true }],
		['a body cut short', { truncate: 5 }],
	])('%s: started over, the whole file arrives', async (_name, rule) => {
		const emu = emulator();
		await seedFiles(emu, { 'uploads/x.txt': TEXT });
		await emu.fault({ service: 'storage', method: 'GET', count: 2, ...rule });
		const result = await files(emu, download);
		expect(result.error).toBeUndefined();
		expect(result.output[0].json.size).toBe(TEXT.length);
		expect(Buffer.from(result.output[0].binary!.data.data, 'base64').toString()).toBe(TEXT);
		expect(await emu.requests({ service: 'storage', method: 'GET' })).toHaveLength(3);
	});

	test('a 404 from storage is not retried', async () => {
		const emu = emulator();
		await seedFiles(emu, { 'uploads/x.txt': TEXT });
		await emu.fault({ service: 'storage', method: 'GET', status: 404, count: 1 });
		const result = await files(emu, download);
		expect(result.error?.message).toMatch(/does not exist in storage/);
		expect(await emu.requests({ service: 'storage', method: 'GET' })).toHaveLength(1);
	});
});

for (const operation of ['copy', 'move'] as const)
	fullOnly(`POST /files/${operation}`).describe(`Files › File › ${operation} through lost answers`, () => {
		test.each(FAULT_KINDS)('$name: done once, the item succeeds', async (kind) => {
			const emu = emulator();
			await seedFiles(emu, { 'uploads/a.vcf': 'ACGT' });
			await emu.clearRequests();
			await injectOnce(emu, kind, posted(operation));
			const result = await files(emu, transfer(operation, 'uploads/a.vcf', 'samples/s1/', { overwrite: false }));
			expect(result.error).toBeUndefined();
			expect(result.output[0].json).toMatchObject({
				source_path: 'uploads/a.vcf',
				destination_path: 'samples/s1/',
				objects: 1,
			});
			expect(result.output[0].json.recovered).toBe(kind.committed ? true : undefined);
			expect(await stored(emu, 'samples/s1/a.vcf')).toEqual(Buffer.from('ACGT'));
			expect(await stored(emu, 'uploads/a.vcf')).toEqual(operation === 'copy' ? Buffer.from('ACGT') : undefined);
			expect(await emu.requests({ service: 'files', method: 'POST' })).toHaveLength(kind.committed ? 1 : 2);
		});
	});

fullOnly('POST /files/copy').describe('Files › File › Copy: what a look-up cannot settle', () => {
	test('a folder copy has no natural key: its lost answer fails as before', async () => {
		const emu = emulator();
		await seedFiles(emu, { 'run/1.txt': '1' });
		await injectOnce(emu, faultKind('connection reset after commit'), posted('copy'));
		const result = await files(emu, transfer('copy', 'run/', 'backup/run/'));
		expect(result.error?.message).toMatch(/Could not reach iFlow files/);
		expect(result.error?.description).toMatch(/may or may not have been processed/);
	});

	test('a destination of another size is not taken as the copy', async () => {
		const emu = emulator();
		await seedFiles(emu, { 'a.txt': 'new content', 'b.txt': 'old' });
		await injectOnce(emu, faultKind('502 before commit'), posted('copy'));
		const result = await files(emu, transfer('copy', 'a.txt', 'b.txt', { overwrite: false }));
		expect(result.error?.message).toBe('The file b.txt exists in iFlow with other values (size)');
	});
});

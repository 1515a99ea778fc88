// Files through lost answers: Upload (the signed PUT is sent again: one object, the same
// bytes), Copy and Move (natural key: the destination path, with the source's size for a copy),
// and Download through 429/503/broken connections from storage.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { node, params, seedFiles, useEmulator } from '../files/fixtures';
import type { EmulatorHandle } from '../../helpers/emulator';
import { FAULT_KINDS, injectOnce } from './kinds';

const emulator = useEmulator();
const TEXT = 'sample_id,barcode\nSAM-001,ACGTACGT\n';

const inlineItem = (text = TEXT): INodeExecutionData => ({
	json: {},
	binary: { data: { data: Buffer.from(text).toString('base64'), fileName: 'sheet.csv', mimeType: 'text/csv' } },
});

const files = async (emu: EmulatorHandle, parameters: IDataObject, items?: INodeExecutionData[]) =>
	await runNode({
		node,
		parameters: params(String(parameters.resource), String(parameters.operation), parameters as INodeParameters),
		items,
		credentials: emu.credentials(),
	});

const stat = async (emu: EmulatorHandle, path: string) =>
	await emu.api<IDataObject>('files', 'GET', '/files/metadata', { query: { path }, allowError: true, full: true });

describe('Files › File › Upload through lost answers from storage', () => {
	test.each(FAULT_KINDS)('$name on the signed PUT: sent again, stored once with every byte', async (kind) => {
		const emu = emulator();
		await injectOnce(emu, kind, { service: 'storage', method: 'PUT' });
		const result = await files(emu, { resource: 'file', operation: 'upload', filePath: 'uploads/sheet.csv' }, [
			inlineItem(),
		]);
		expect(result.error).toBeUndefined();
		expect(result.output[0].json).toMatchObject({ path: 'uploads/sheet.csv', size: TEXT.length });
		expect(await emu.requests({ service: 'storage', method: 'PUT' })).toHaveLength(2);
		expect(((await stat(emu, 'uploads/sheet.csv')) as IDataObject).body).toMatchObject({ size: TEXT.length });
	});

	test('429 with Retry-After and 503 from storage: waited for, then sent', async () => {
		const emu = emulator();
		await emu.fault({ service: 'storage', method: 'PUT', status: 429, retryAfter: '1', count: 1 });
		await emu.fault({ service: 'storage', method: 'PUT', status: 503, count: 1 });
		const started = Date.now();
		const result = await files(emu, { resource: 'file', operation: 'upload', filePath: 'uploads/sheet.csv' }, [
			inlineItem(),
		]);
		expect(result.output[0].json.size).toBe(TEXT.length);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		expect(await emu.requests({ service: 'storage', method: 'PUT' })).toHaveLength(3);
	});

	test('storage failing for longer than the retry budget allows: the error lists what each attempt met', async () => {
		const emu = emulator();
		await emu.fault({ service: 'storage', method: 'PUT', status: 503, retryAfter: '1', count: 1 });
		await emu.fault({ service: 'storage', method: 'PUT', status: 502, retryAfter: '61' });
		const result = await files(emu, { resource: 'file', operation: 'upload', filePath: 'uploads/sheet.csv' }, [
			inlineItem(),
		]);
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
		const result = await files(emu, { resource: 'file', operation: 'download', filePath: 'uploads/x.txt' });
		expect(result.error).toBeUndefined();
		expect(result.output[0].json.size).toBe(TEXT.length);
		expect(Buffer.from(result.output[0].binary!.data.data, 'base64').toString()).toBe(TEXT);
		expect(await emu.requests({ service: 'storage', method: 'GET' })).toHaveLength(3);
	});

	test('a 404 from storage is not retried', async () => {
		const emu = emulator();
		await seedFiles(emu, { 'uploads/x.txt': TEXT });
		await emu.fault({ service: 'storage', method: 'GET', status: 404, count: 1 });
		const result = await files(emu, { resource: 'file', operation: 'download', filePath: 'uploads/x.txt' });
		expect(result.error?.message).toMatch(/does not exist in storage/);
		expect(await emu.requests({ service: 'storage', method: 'GET' })).toHaveLength(1);
	});
});

describe.each(['copy', 'move'] as const)('Files › File › %s through lost answers', (operation) => {
	test.each(FAULT_KINDS)('$name: done once, the item succeeds', async (kind) => {
		const emu = emulator();
		await seedFiles(emu, { 'uploads/a.vcf': 'ACGT' });
		await emu.clearRequests();
		await injectOnce(emu, kind, { service: 'files', method: 'POST', path: `^/api/v1/files/${operation}$` });
		const result = await files(emu, {
			resource: 'file',
			operation,
			sourcePath: 'uploads/a.vcf',
			destinationPath: 'samples/s1/',
			overwrite: false,
		});
		expect(result.error).toBeUndefined();
		expect(result.output[0].json).toMatchObject({
			source_path: 'uploads/a.vcf',
			destination_path: 'samples/s1/',
			objects: 1,
		});
		expect(result.output[0].json.recovered).toBe(kind.committed ? true : undefined);
		expect(((await stat(emu, 'samples/s1/a.vcf')) as IDataObject).body).toMatchObject({ size: 4 });
		expect(((await stat(emu, 'uploads/a.vcf')) as IDataObject).status).toBe(operation === 'copy' ? 200 : 404);
		expect(await emu.requests({ service: 'files', method: 'POST' })).toHaveLength(kind.committed ? 1 : 2);
	});
});

describe('Files › File › Copy: what a look-up cannot settle', () => {
	test('a folder copy has no natural key: its lost answer fails as before', async () => {
		const emu = emulator();
		await seedFiles(emu, { 'run/1.txt': '1' });
		await emu.fault({
			service: 'files',
			method: 'POST',
			path: '^/api/v1/files/copy$',
			reset: true,
			afterCommit: true,
			count: 1,
		});
		const result = await files(emu, {
			resource: 'file',
			operation: 'copy',
			sourcePath: 'run/',
			destinationPath: 'backup/run/',
		});
		expect(result.error?.message).toMatch(/Could not reach iFlow files/);
		expect(result.error?.description).toMatch(/may or may not have been processed/);
	});

	test('a destination of another size is not taken as the copy', async () => {
		const emu = emulator();
		await seedFiles(emu, { 'a.txt': 'new content', 'b.txt': 'old' });
		await emu.fault({ service: 'files', method: 'POST', path: '^/api/v1/files/copy$', status: 502, count: 1 });
		const result = await files(emu, {
			resource: 'file',
			operation: 'copy',
			sourcePath: 'a.txt',
			destinationPath: 'b.txt',
			overwrite: false,
		});
		expect(result.error?.message).toBe('The file b.txt exists in iFlow with other values (size)');
	});
});

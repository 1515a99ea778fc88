import { fullOnly } from '../../profile';
import { expectFilesRequest, params, run, seedFiles, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const beyond = fullOnly('POST /files/move, not in the reference');
const move = (sourcePath: string, destinationPath: string) => params('file', 'move', { sourcePath, destinationPath });

describe('iFlow Files › File › Move or Rename', () => {
	beyond.test('renames a file (gs:// URI of the project bucket accepted)', async () => {
		await seedFiles(emu, { 'uploads/tmp.vcf': 'V' });
		const result = await run(emu, move('gs://bgl-hereditary-2026/uploads/tmp.vcf', 'uploads/final.vcf'));
		expect(result.status).toBe('success');
		expect(result.output[0].json).toEqual({
			source_path: 'uploads/tmp.vcf',
			destination_path: 'uploads/final.vcf',
			objects: 1,
		});
		const req = await expectFilesRequest(emu, 'POST', '/api/v1/files/move');
		expect(req.body).toEqual({
			source_path: 'uploads/tmp.vcf',
			destination_path: 'uploads/final.vcf',
			overwrite: false,
		});
		const listing = await emu.api('files', 'GET', '/files', { query: { path: 'uploads/' } });
		expect((listing.files as Array<{ name: string }>).map((f) => f.name)).toEqual(['uploads/final.vcf']);
	});

	beyond.test('a signed report cannot be moved (403)', async () => {
		await seedFiles(emu, { 'orders/ord-1/signed-report.pdf': 'PDF' });
		const result = await run(emu, move('orders/ord-1/signed-report.pdf', 'x.pdf'));
		expect(result.error?.httpCode).toBe('403');
	});
});

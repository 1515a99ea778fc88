import { PROJECT_A } from '../../../helpers/emulator';
import { fullOnly } from '../../profile';
import { expectFilesRequest, params, run, seedFiles, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const beyond = fullOnly('POST /files/copy, not in the reference');
const copy = (sourcePath: string, destinationPath: string, overwrite = false) =>
	params('file', 'copy', { sourcePath, destinationPath, overwrite });

describe('iFlow Files › File › Copy', () => {
	beyond.test('copies a file and reports what iFlow did', async () => {
		await seedFiles(emu, { 'uploads/a.vcf': 'A' });
		const result = await run(emu, copy('uploads/a.vcf', 'samples/s1/'));
		expect(result.status).toBe('success');
		expect(result.output[0].json).toEqual({
			source_path: 'uploads/a.vcf',
			destination_path: 'samples/s1/',
			objects: 1,
		});
		const req = await expectFilesRequest(emu, 'POST', '/api/v1/files/copy');
		expect(req.body).toEqual({ source_path: 'uploads/a.vcf', destination_path: 'samples/s1/', overwrite: false });
		expect(req.query.project_id).toBe(PROJECT_A);
		expect((await emu.api('files', 'GET', '/files/metadata', { query: { path: 'samples/s1/a.vcf' } })).size).toBe(1);
	});

	beyond.test('a whole folder (source ending in /)', async () => {
		await seedFiles(emu, { 'run/1.txt': '1', 'run/sub/2.txt': '2' });
		const result = await run(emu, copy('run/', 'backup/run/'));
		expect(result.output[0].json.objects).toBe(2);
	});

	beyond.test('an existing destination is a 409 unless Overwrite is on', async () => {
		await seedFiles(emu, { 'a.txt': 'new', 'b.txt': 'old' });
		const refused = await run(emu, copy('a.txt', 'b.txt'));
		expect(refused.error?.httpCode).toBe('409');
		expect(refused.error?.message).toMatch(/^Conflict: Destination b.txt already exists/);
		const done = await run(emu, copy('a.txt', 'b.txt', true));
		expect(done.status).toBe('success');
	});
});

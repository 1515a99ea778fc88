import { PROJECT_A } from '../../../helpers/emulator';
import { fullOnly } from '../../profile';
import { params, run, seedFiles, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const beyond = fullOnly('DELETE /files, not in the reference');
const del = (filePath: string) => params('file', 'delete', { filePath });

describe('iFlow Files › File › Delete', () => {
	beyond.test('deletes one file', async () => {
		await seedFiles(emu, { 'tmp/a.txt': 'a', 'tmp/b.txt': 'b' });
		const result = await run(emu, del('tmp/a.txt'));
		expect(result.status).toBe('success');
		expect(result.output[0].json).toEqual({ deleted: true, path: 'tmp/a.txt' });
		const [req] = await emu.requests({ service: 'files', method: 'DELETE' });
		expect(req.query).toEqual({ path: 'tmp/a.txt', project_id: PROJECT_A });
		expect(req.status).toBe(204);
	});

	beyond.test('a folder named without a slash is not deleted (409 from iFlow)', async () => {
		await seedFiles(emu, { 'tmp/a.txt': 'a' });
		const result = await run(emu, del('tmp'));
		expect(result.error?.httpCode).toBe('409');
		expect((await emu.api('files', 'GET', '/files/metadata', { query: { path: 'tmp/a.txt' } })).size).toBe(1);
	});
});

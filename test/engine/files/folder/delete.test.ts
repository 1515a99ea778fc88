import { PROJECT_A } from '../../../helpers/emulator';
import { fullOnly } from '../../profile';
import { params, run, seedFiles, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const beyond = fullOnly('DELETE /files, not in the reference');
const del = (folderPath: string, recursive: boolean) => params('folder', 'delete', { folderPath, recursive });

describe('iFlow Files › Folder › Delete', () => {
	beyond.test('deletes a folder with its contents when Recursive is on', async () => {
		await seedFiles(emu, { 'scratch/a.txt': 'a', 'scratch/b/c.txt': 'c', 'keep.txt': 'k' });
		const result = await run(emu, del('scratch', true));
		expect(result.status).toBe('success');
		expect(result.output[0].json).toEqual({ deleted: true, path: 'scratch/' });
		const [req] = await emu.requests({ service: 'files', method: 'DELETE' });
		expect(req.query).toEqual({ path: 'scratch/', recursive: 'true', project_id: PROJECT_A });
		const root = await emu.api('files', 'GET', '/files', { query: { path: '', recursive: true } });
		expect((root.files as Array<{ name: string }>).map((f) => f.name)).toEqual(['keep.txt']);
	});

	test('the bucket root is never deleted', async () => {
		const result = await run(emu, del('gs://bgl-hereditary-2026/', true));
		expect(result.error?.message).toBe("'Folder Path': the path is empty");
		expect(await emu.requests({ service: 'files' })).toHaveLength(0);
	});
});

import { PROJECT_A, PROJECT_B } from '../../../helpers/emulator';
import { byProfile, fullOnly } from '../../profile';
import { params, run, seedFiles, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const list = (folderPath: string, extra = {}) => params('folder', 'list', { folderPath, ...extra });
// limit, offset and recursive are ours: sent only where the server lists them (files/reference/list.test.ts).
const paging = fullOnly('limit/offset on GET /files, not in the reference');
const FIELDS = ['content_type', 'display_name', 'is_folder', 'last_modified', 'name', 'path', 'size'];

describe('iFlow Files › Folder › List', () => {
	test('one level, folders first, entries with exactly the reference fields plus path', async () => {
		await seedFiles(emu, {
			'samples/s1/uploads/a_R1.fastq.gz': 'A',
			'samples/s1/uploads/a_R2.fastq.gz': 'BB',
			'samples/s1/uploads/raw/x.bam': 'XXX',
		});
		const result = await run(emu, list('samples/s1/uploads', { returnAll: true, simplify: false }));
		expect(result.status).toBe('success');
		const entries = result.output.map((item) => item.json);
		expect(entries.map((e) => e.path)).toEqual([
			'samples/s1/uploads/raw/',
			'samples/s1/uploads/a_R1.fastq.gz',
			'samples/s1/uploads/a_R2.fastq.gz',
		]);
		for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(FIELDS);
		expect(entries[0]).toMatchObject({ is_folder: true, size: null, display_name: 'raw' });
		expect(entries[2]).toMatchObject({ is_folder: false, size: 2, display_name: 'a_R2.fastq.gz' });
		expect(result.output.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);

		const [req] = await emu.requests({ service: 'files' });
		const paged = byProfile({ full: { limit: '1000', offset: '0' }, documented: {} });
		expect(req.query).toEqual({ path: 'samples/s1/uploads/', ...paged, project_id: PROJECT_A });
		expect(req.headers['x-project-id']).toBe(PROJECT_A);
	});

	test('recursive lists every file below, no folders; the bucket root is the default', async () => {
		await seedFiles(emu, { 'a/1.txt': '1', 'a/b/2.txt': '2', 'c.txt': '3' });
		const result = await run(emu, list('', { recursive: true, returnAll: true }));
		expect(result.output.map((item) => item.json.path)).toEqual(['a/1.txt', 'a/b/2.txt', 'c.txt']);
		const [req] = await emu.requests({ service: 'files' });
		// Where the server cannot recurse, the node walks the tree from the root.
		expect(req.query).toMatchObject({ path: '', ...byProfile({ full: { recursive: 'true' }, documented: {} }) });
	});

	paging.test('Limit stops early; Return All pages through more than one page', async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 1005; i++) files[`bulk/f${String(i).padStart(4, '0')}.txt`] = 'x';
		await seedFiles(emu, files);

		const limited = await run(emu, list('bulk/', { limit: 3 }));
		expect(limited.output.map((item) => item.json.display_name)).toEqual(['f0000.txt', 'f0001.txt', 'f0002.txt']);
		expect((await emu.requests({ service: 'files' })).map((r) => r.query.limit)).toEqual(['3']);

		await emu.clearRequests();
		const all = await run(emu, list('bulk/', { returnAll: true }));
		expect(all.output).toHaveLength(1005);
		expect(new Set(all.output.map((item) => item.json.path)).size).toBe(1005);
		const pages = await emu.requests({ service: 'files' });
		expect(pages.map((r) => [r.query.limit, r.query.offset])).toEqual([
			['1000', '0'],
			['1000', '1000'],
		]);
	});

	test('an s3:// URI of the project bucket (project B) is accepted', async () => {
		await seedFiles(emu, { 'vcf/t.vcf': 'T' }, PROJECT_B);
		const result = await run(
			emu,
			list('s3://bgl-somatic-research/vcf/', {
				returnAll: true,
				project: { __rl: true, mode: 'id', value: PROJECT_B },
			}),
		);
		expect(result.status).toBe('success');
		expect(result.output.map((item) => item.json.path)).toEqual(['vcf/t.vcf']);
		const [admin] = await emu.requests({ service: 'admin' });
		expect(admin.path).toBe(`/api/v1/projects/${PROJECT_B}`);
		expect((await emu.requests({ service: 'files' }))[0].query.project_id).toBe(PROJECT_B);
	});
});

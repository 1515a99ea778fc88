// Folder › List on a server with only the published reference (`documented`) gives the same
// answer as on one with every route and parameter we guessed (`full`).
import { PROJECT_A, type EmulatorHandle } from '../../../helpers/emulator';
import { PROFILES, useProfile } from '../../profile';
import { params, run, seedFiles, serveDocument, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const list = (folderPath: string, extra = {}) => params('folder', 'list', { folderPath, ...extra });

// Three levels below tree/, files at every level; key order is the order of a recursive listing.
const TREE = {
	'tree/z.txt': 'z',
	'tree/l1b/f.txt': 'f',
	'tree/l1a/l2/l3/e.txt': 'e',
	'tree/l1a/l2/l3/d.txt': 'd',
	'tree/l1a/l2/c.txt': 'c',
	'tree/l1a/b.txt': 'b',
	'tree/a.txt': 'a',
	'tree/a-b.txt': 'ab',
};
const KEYS = Object.keys(TREE).sort();

/** Query parameters of the Files listings the node sent, without the project. */
async function listingQueries(emu: EmulatorHandle) {
	const requests = await emu.requests({ service: 'files', method: 'GET', path: '/api/v1/files' });
	return requests.map(({ query }) => {
		const { project_id: project, ...rest } = query as Record<string, string>;
		expect(project).toBe(PROJECT_A);
		return rest;
	});
}

describe.each(PROFILES)('iFlow Files › Folder › List (%s profile)', (profile) => {
	beforeEach(async () => await useProfile(emu, profile));

	test('one level: folders first, then files, the same entries', async () => {
		await seedFiles(emu, TREE);
		const result = await run(emu, list('tree/', { returnAll: true }));
		expect(result.status).toBe('success');
		expect(result.output.map((item) => [item.json.path, item.json.is_folder])).toEqual([
			['tree/l1a/', true],
			['tree/l1b/', true],
			['tree/a-b.txt', false],
			['tree/a.txt', false],
			['tree/z.txt', false],
		]);
		const queries = await listingQueries(emu);
		expect(queries).toEqual(profile === 'full' ? [{ path: 'tree/', limit: '1000', offset: '0' }] : [{ path: 'tree/' }]);
	});

	test('one level with a Limit', async () => {
		await seedFiles(emu, TREE);
		const result = await run(emu, list('tree/', { limit: 3 }));
		expect(result.output.map((item) => item.json.path)).toEqual(['tree/l1a/', 'tree/l1b/', 'tree/a-b.txt']);
	});

	test('Recursive over a 3-level tree: every file below, in key order, no folder entries', async () => {
		await seedFiles(emu, TREE);
		const result = await run(emu, list('tree/', { recursive: true, returnAll: true }));
		expect(result.status).toBe('success');
		expect(result.output.map((item) => item.json.path)).toEqual(KEYS);
		expect(result.output.every((item) => item.json.is_folder === false && typeof item.json.size === 'number')).toBe(
			true,
		);
		const queries = await listingQueries(emu);
		if (profile === 'full') {
			expect(queries).toEqual([{ path: 'tree/', recursive: 'true', limit: '1000', offset: '0' }]);
		} else {
			// Walked one level at a time, only with the documented parameter.
			expect(queries.map((query) => query.path).sort()).toEqual([
				'tree/',
				'tree/l1a/',
				'tree/l1a/l2/',
				'tree/l1a/l2/l3/',
				'tree/l1b/',
			]);
			expect(queries.every((query) => Object.keys(query).join() === 'path')).toBe(true);
		}
	});

	test('Recursive with a Limit: the first files in key order, and the walk stops early', async () => {
		await seedFiles(emu, TREE);
		const four = await run(emu, list('tree/', { recursive: true, limit: 4 }));
		expect(four.output.map((item) => item.json.path)).toEqual(KEYS.slice(0, 4));

		await emu.clearRequests();
		const one = await run(emu, list('tree/', { recursive: true, limit: 1 }));
		expect(one.output.map((item) => item.json.path)).toEqual(['tree/a-b.txt']);
		// The first key is in the top level: nothing below it is listed.
		const queries = await listingQueries(emu);
		expect(queries).toEqual(
			profile === 'full' ? [{ path: 'tree/', recursive: 'true', limit: '1', offset: '0' }] : [{ path: 'tree/' }],
		);
	});

	test('Recursive from the bucket root; an empty folder gives no items', async () => {
		await seedFiles(emu, { 'a/1.txt': '1', 'a/b/2.txt': '2', 'c.txt': '3' });
		const root = await run(emu, list('', { recursive: true, returnAll: true }));
		expect(root.output.map((item) => item.json.path)).toEqual(['a/1.txt', 'a/b/2.txt', 'c.txt']);
		const empty = await run(emu, list('nothing/here/', { recursive: true, returnAll: true }));
		expect(empty.status).toBe('success');
		expect(empty.output).toHaveLength(0);
	});
});

describe('iFlow Files › Folder › List on a server that pages but cannot recurse', () => {
	test('the node walks the tree, paging each level with limit/offset', async () => {
		await useProfile(emu, 'full');
		await seedFiles(emu, TREE);
		await serveDocument(emu, 'files', (doc) => {
			const get = (doc.paths as Record<string, { get: { parameters: Array<{ name: string }> } }>)['/api/v1/files'].get;
			get.parameters = get.parameters.filter((parameter) => parameter.name !== 'recursive');
		});
		const result = await run(emu, list('tree/', { recursive: true, returnAll: true }));
		expect(result.output.map((item) => item.json.path)).toEqual(KEYS);
		const queries = await listingQueries(emu);
		expect(queries).toHaveLength(5);
		expect(queries.every((query) => query.offset === '0' && query.limit === '1000' && !query.recursive)).toBe(true);
	});
});

describe('iFlow Files on a server whose level listing may be cut short', () => {
	test('exactly 1000 entries and no paging: a clear error instead of part of the folder', async () => {
		await useProfile(emu, 'documented');
		const files: Record<string, string> = {};
		for (let i = 0; i < 1000; i++) files[`full/f${String(i).padStart(4, '0')}.txt`] = 'x';
		await seedFiles(emu, files);
		const all = await run(emu, list('full/', { returnAll: true }));
		expect(all.error?.message).toBe(
			'iFlow listed 1000 entries in "full/" and may have more: this server offers no paging for GET /files',
		);
		const missing = await run(emu, params('file', 'get', { filePath: 'full/zzz.txt' }));
		expect(missing.error?.message).toMatch(/^iFlow listed 1000 entries in "full\/"/);
		// A Limit below what came back, or a file found in the listing, is a complete answer.
		const some = await run(emu, list('full/', { limit: 10 }));
		expect(some.output).toHaveLength(10);
		const found = await run(emu, params('file', 'get', { filePath: 'full/f0999.txt' }));
		expect(found.output[0].json).toMatchObject({ path: 'full/f0999.txt', size: 1 });

		await useProfile(emu, 'full');
		const paged = await run(emu, list('full/', { returnAll: true }));
		expect(paged.output).toHaveLength(1000);
	});
});

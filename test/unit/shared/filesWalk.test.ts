import { sleep } from 'n8n-workflow';

import { entryKey, folderMayHold, folderOfPrefix, walkFiles } from '../../../nodes/shared/helpers/filesWalk';
import type { FilesLevel } from '../../../nodes/shared/helpers/filesWalk';

/** A bucket as a sorted key list, listed one level at a time like GET /files; counts the calls. */
function bucket(keys: string[], options: { delayMs?: (folder: string) => number } = {}) {
	const calls: string[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const listLevel = async (folder: string): Promise<FilesLevel<string>> => {
		calls.push(folder);
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		await sleep(options.delayMs?.(folder) ?? 1);
		inFlight--;
		const below = keys.filter((key) => key.startsWith(folder)).map((key) => key.slice(folder.length));
		const folders = [...new Set(below.filter((rest) => rest.includes('/')).map((rest) => rest.split('/')[0]))];
		return {
			// Server order is not key order: the walk must not depend on it.
			folders: folders.map((name) => `${folder}${name}/`).reverse(),
			files: below.filter((rest) => !rest.includes('/')).map((rest) => ({ key: folder + rest, entry: folder + rest })),
		};
	};
	return { listLevel, calls, maxInFlight: () => maxInFlight, inFlight: () => inFlight };
}

const TREE = [
	'a.txt',
	'a/x/1.txt',
	'a/x/2.txt',
	'a/y.txt',
	'a-b.txt',
	'a0/z.txt',
	'b/c/d/deep.txt',
	'b/c/e.txt',
	'top.txt',
];

describe('walkFiles', () => {
	test('every file below, in key order (the order of a recursive bucket listing)', async () => {
		const { listLevel } = bucket(TREE);
		const files = await walkFiles({ prefix: '', listLevel });
		expect(files.map((file) => file.key)).toEqual([...TREE].sort());
	});

	test('Limit: the first N keys, and the walk stops listing once it has them', async () => {
		const { listLevel, calls } = bucket(TREE);
		const files = await walkFiles({ prefix: '', listLevel, limit: 3, concurrency: 1 });
		expect(files.map((file) => file.key)).toEqual(['a-b.txt', 'a.txt', 'a/x/1.txt']);
		expect(calls).toEqual(['', 'a/', 'a/x/']);
	});

	test('a walk stopped by its Limit returns only once the listings it started ahead are done', async () => {
		const { listLevel, calls, inFlight } = bucket(TREE, { delayMs: (folder) => (folder.startsWith('b') ? 20 : 1) });
		const files = await walkFiles({ prefix: '', listLevel, limit: 2, concurrency: 4 });
		expect(files.map((file) => file.key)).toEqual(['a-b.txt', 'a.txt']);
		expect(inFlight()).toBe(0);
		expect(calls).not.toContain('b/c/');
	});

	test('a prefix ending mid-name lists its folder and descends only where keys can match', async () => {
		const { listLevel, calls } = bucket([
			'runs/2026-01/a.txt',
			'runs/2026-02/b.txt',
			'runs/2025-12/c.txt',
			'runs/2026.txt',
		]);
		const files = await walkFiles({ prefix: 'runs/2026-', listLevel });
		expect(files.map((file) => file.key)).toEqual(['runs/2026-01/a.txt', 'runs/2026-02/b.txt']);
		expect(calls.sort()).toEqual(['runs/', 'runs/2026-01/', 'runs/2026-02/']);
	});

	test('levels are fetched a few at a time, never more than the concurrency', async () => {
		const keys = Array.from({ length: 12 }, (_, i) => `f${String(i).padStart(2, '0')}/x.txt`);
		const { listLevel, maxInFlight } = bucket(keys, { delayMs: () => 5 });
		const files = await walkFiles({ prefix: '', listLevel, concurrency: 3 });
		expect(files).toHaveLength(12);
		expect(maxInFlight()).toBe(3);
	});

	test('a slow early folder does not change the order', async () => {
		const { listLevel } = bucket(TREE, { delayMs: (folder) => (folder === 'a/x/' ? 30 : 1) });
		const files = await walkFiles({ prefix: '', listLevel });
		expect(files.map((file) => file.key)).toEqual([...TREE].sort());
	});

	test('a server listing the folder itself as its sub-folder does not loop', async () => {
		const listLevel = async (folder: string): Promise<FilesLevel<string>> => ({
			folders: [folder, `${folder}x/`].filter((sub) => sub.split('/').length < 4),
			files: [{ key: `${folder}f.txt`, entry: '' }],
		});
		const files = await walkFiles({ prefix: '', listLevel });
		expect(files.map((file) => file.key)).toEqual(['f.txt', 'x/f.txt', 'x/x/f.txt']);
	});

	test('an error listing a level is the error of the walk', async () => {
		const listLevel = async (folder: string): Promise<FilesLevel<string>> => {
			if (folder === 'b/') throw new Error('boom');
			return { folders: folder === '' ? ['a/', 'b/', 'c/'] : [], files: [] };
		};
		await expect(walkFiles({ prefix: '', listLevel })).rejects.toThrow('boom');
	});
});

describe('files walk helpers', () => {
	test('folderOfPrefix and folderMayHold', () => {
		expect(folderOfPrefix('analyses/run-')).toBe('analyses/');
		expect(folderOfPrefix('a/b/')).toBe('a/b/');
		expect(folderOfPrefix('x')).toBe('');
		expect(folderMayHold('runs/2026-01/', 'runs/2026-')).toBe(true);
		expect(folderMayHold('runs/', 'runs/2026-')).toBe(true);
		expect(folderMayHold('runs/2025/', 'runs/2026-')).toBe(false);
	});

	test('entryKey: the full key whether the server sends the key or the leaf; folders end in /', () => {
		expect(entryKey({ name: 'a/b.txt' }, 'a/')).toBe('a/b.txt');
		expect(entryKey({ name: 'b.txt' }, 'a/')).toBe('a/b.txt');
		expect(entryKey({ name: 'raw', is_folder: true }, 'a/')).toBe('a/raw/');
		expect(entryKey({ display_name: 'top.txt' }, '')).toBe('top.txt');
	});
});

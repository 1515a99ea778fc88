/**
 * Every file below a bucket prefix, read one folder level at a time (the published Files API
 * lists one level only, reference §8.1). Pure: the level listing is passed in, so the walk can
 * be tested without a server and reused by any node (Files › Folder › List, the trigger's File
 * Added).
 *
 * Files come out in key order (the order of a recursive listing of the bucket), so a Limit means
 * "the first N keys" whatever the server. Keys compare as JS strings; a folder `p/` is visited
 * where its contents sort, which is depth-first with children merged by `name` (file) and
 * `name/` (folder).
 */

/** One level of a folder: keys of its sub-folders (ending in `/`) and its file entries. */
export interface FilesLevel<F> {
	folders: string[];
	files: Array<{ key: string; entry: F }>;
}

export interface FilesWalkOptions<F> {
	/** Only keys starting with this; `''` is the whole bucket. May end mid-name (`runs/2026-`). */
	prefix: string;
	/** Lists one folder level (`''` = the bucket root). */
	listLevel: (folder: string) => Promise<FilesLevel<F>>;
	/** Stop once this many files are found: the first ones in key order. */
	limit?: number;
	/** Level listings in flight at once. */
	concurrency?: number;
}

export const DEFAULT_WALK_CONCURRENCY = 4;

/** The folder a prefix lies in: `analyses/run-` → `analyses/`, `a/b/` → `a/b/`. */
export function folderOfPrefix(prefix: string): string {
	return prefix.slice(0, prefix.lastIndexOf('/') + 1);
}

/** Can keys under folder `folder` (ending in `/`) start with `prefix`? */
export function folderMayHold(folder: string, prefix: string): boolean {
	return folder.startsWith(prefix) || prefix.startsWith(folder);
}

function byKey(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

interface Slot<F> {
	start: () => void;
	level: Promise<FilesLevel<F>>;
}

/**
 * Fetches levels ahead of the walk, at most `concurrency` at once, smallest key first: the walk
 * visits folders in key order, so the folder it waits for is always the next one started.
 */
class LevelPrefetcher<F> {
	private readonly queue: string[] = [];
	private readonly slots = new Map<string, Slot<F>>();
	private running = 0;
	private stopped = false;

	constructor(
		private readonly listLevel: (folder: string) => Promise<FilesLevel<F>>,
		private readonly concurrency: number,
	) {}

	add(folders: string[]): void {
		for (const folder of folders) {
			if (this.slots.has(folder)) continue;
			let start!: () => void;
			const started = new Promise<void>((resolve) => (start = resolve));
			const level = started.then(async () => {
				try {
					return await this.listLevel(folder);
				} finally {
					this.running--;
					this.pump();
				}
			});
			// Levels fetched ahead but never needed (the walk stopped) must not reject unhandled.
			level.catch(() => undefined);
			this.slots.set(folder, { start, level });
			this.queue.push(folder);
		}
		this.queue.sort(byKey);
		this.pump();
	}

	async take(folder: string): Promise<FilesLevel<F>> {
		if (!this.slots.has(folder)) this.add([folder]);
		const slot = this.slots.get(folder) as Slot<F>;
		this.slots.delete(folder);
		return await slot.level;
	}

	stop(): void {
		this.stopped = true;
		this.queue.length = 0;
	}

	private pump(): void {
		while (!this.stopped && this.running < this.concurrency && this.queue.length) {
			const folder = this.queue.shift() as string;
			this.running++;
			this.slots.get(folder)?.start();
		}
	}
}

/** The files under `prefix`, in key order, stopping at `limit`. */
export async function walkFiles<F>(options: FilesWalkOptions<F>): Promise<Array<{ key: string; entry: F }>> {
	const { prefix } = options;
	const limit = options.limit ?? Infinity;
	const found: Array<{ key: string; entry: F }> = [];
	if (limit <= 0) return found;
	const prefetcher = new LevelPrefetcher(options.listLevel, Math.max(1, options.concurrency ?? DEFAULT_WALK_CONCURRENCY));

	// True once `limit` files are found.
	const visit = async (folder: string): Promise<boolean> => {
		const level = await prefetcher.take(folder);
		// Only real sub-folders (a server repeating the folder itself must not loop the walk).
		const folders = [...new Set(level.folders)].filter(
			(sub) => sub.endsWith('/') && sub.length > folder.length && sub.startsWith(folder) && folderMayHold(sub, prefix),
		);
		prefetcher.add(folders);
		type Child = { key: string; entry?: F; folder: boolean };
		const children: Child[] = [
			...folders.map((key) => ({ key, folder: true })),
			...level.files.filter((file) => file.key.startsWith(prefix)).map((file) => ({ ...file, folder: false })),
		].sort((a, b) => byKey(a.key, b.key));
		for (const child of children) {
			if (child.folder) {
				if (await visit(child.key)) return true;
			} else {
				found.push({ key: child.key, entry: child.entry as F });
				if (found.length >= limit) return true;
			}
		}
		return false;
	};

	const root = folderOfPrefix(prefix);
	prefetcher.add([root]);
	try {
		await visit(root);
	} finally {
		prefetcher.stop();
	}
	return found;
}

/**
 * The full bucket-relative key of a listing entry. `name` is the full key in Flow today
 * (INFERRED); a server sending only the leaf still gives a complete key. Folders end in `/`.
 */
export function entryKey(entry: { name?: unknown; display_name?: unknown; is_folder?: unknown }, folder: string): string {
	const name = String(entry.name ?? entry.display_name ?? '');
	const key = name.includes('/') || name.startsWith(folder) || folder === '' ? name : `${folder}${name}`;
	return entry.is_folder === true && key !== '' && !key.endsWith('/') ? `${key}/` : key;
}

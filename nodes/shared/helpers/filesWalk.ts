/**
 * Every file below a bucket prefix, read one folder level at a time (the published Files API
 * lists one level only, docs/flow-api.md §8.1). Pure: the level listing is passed in, so the walk can
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

/**
 * Fetches levels ahead of the walk, at most `concurrency` at once, smallest key first: the walk
 * visits folders in key order, so the folder it waits for is always the next one started.
 */
class LevelPrefetcher<F> {
	/** Folders not started yet, smallest key first. */
	private readonly queue: Array<{ folder: string; start: () => void }> = [];
	private readonly levels = new Map<string, Promise<FilesLevel<F>>>();
	private running = 0;
	private readonly inFlight = new Set<Promise<unknown>>();
	private stopped = false;
	/** The folder the walk is waiting for: its sub-folders come first once it is listed. */
	private awaited?: string;

	constructor(
		private readonly listLevel: (folder: string) => Promise<FilesLevel<F>>,
		private readonly concurrency: number,
	) {}

	add(folders: string[]): void {
		for (const folder of folders) {
			if (this.levels.has(folder)) continue;
			let start!: () => void;
			const started = new Promise<void>((resolve) => (start = resolve));
			const level = started.then(async () => {
				const listing = this.listLevel(folder);
				this.inFlight.add(listing);
				try {
					return await listing;
				} finally {
					this.inFlight.delete(listing);
					this.running--;
					// The walk queues this level's sub-folders next; they go before the rest.
					if (this.awaited !== folder) this.pump();
				}
			});
			// Levels fetched ahead but never needed (the walk stopped) must not reject unhandled.
			level.catch(() => undefined);
			this.levels.set(folder, level);
			this.queue.push({ folder, start });
		}
		this.queue.sort((a, b) => byKey(a.folder, b.folder));
	}

	async take(folder: string): Promise<FilesLevel<F>> {
		if (!this.levels.has(folder)) this.add([folder]);
		// Started here, not when queued: a walk that reaches its limit in this level starts no more.
		this.pump();
		const level = this.levels.get(folder) as Promise<FilesLevel<F>>;
		this.levels.delete(folder);
		this.awaited = folder;
		try {
			return await level;
		} finally {
			this.awaited = undefined;
		}
	}

	/** Starts nothing more and waits for the listings in flight: no request outlives the walk. */
	async stop(): Promise<void> {
		this.stopped = true;
		this.queue.length = 0;
		await Promise.allSettled([...this.inFlight]);
	}

	private pump(): void {
		while (!this.stopped && this.running < this.concurrency && this.queue.length) {
			const next = this.queue.shift() as { start: () => void };
			this.running++;
			next.start();
		}
	}
}

/** The files under `prefix`, in key order, stopping at `limit`. */
export async function walkFiles<F>(options: FilesWalkOptions<F>): Promise<Array<{ key: string; entry: F }>> {
	const { prefix } = options;
	const limit = options.limit ?? Infinity;
	const found: Array<{ key: string; entry: F }> = [];
	if (limit <= 0) return found;
	const prefetcher = new LevelPrefetcher(
		options.listLevel,
		Math.max(1, options.concurrency ?? DEFAULT_WALK_CONCURRENCY),
	);

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
		await prefetcher.stop();
	}
	return found;
}

/**
 * The full bucket-relative key of a listing entry. `name` is the full key in Flow today
 * (INFERRED); a server sending only the leaf still gives a complete key. Folders end in `/`.
 */
export function entryKey(
	entry: { name?: unknown; display_name?: unknown; is_folder?: unknown },
	folder: string,
): string {
	const name = String(entry.name ?? entry.display_name ?? '');
	const key = name.includes('/') || name.startsWith(folder) || folder === '' ? name : `${folder}${name}`;
	return entry.is_folder === true && key !== '' && !key.endsWith('/') ? `${key}/` : key;
}

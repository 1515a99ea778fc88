/**
 * What a list-reading trigger has already seen: records are placed in time (created_at,
 * last_modified) and known by id. Flow's documented timestamps have whole seconds, so many records
 * share one instant; and a record can become visible a little after newer ones (its time is set
 * before it is committed). The window therefore remembers the ids of everything seen within
 * LOOKBACK_MS of the newest time, and anything older than that counts as seen.
 *
 * Cost: a lookup is O(1) (a Set per instant). Ids are stored as fixed-length hashes, and at most
 * MAX_REMEMBERED of them: beyond that the oldest instants are forgotten and `floor` rises to the
 * newest forgotten instant, so everything at or before it counts as seen. Nothing is ever emitted
 * twice and nothing stalls; the price is that a record appearing later at a forgotten instant is
 * not emitted (it takes more than MAX_REMEMBERED records within LOOKBACK_MS of each other).
 */
export const LOOKBACK_MS = 2 * 60_000;
export const MAX_REMEMBERED = 10_000;

/** Epoch milliseconds of a Flow timestamp (ISO, Python-style microseconds too), or undefined. */
export function timeOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || !value) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/**
 * A fixed-length key for an id (53-bit hash in base 36, at most 11 characters): long ids cost no
 * more static data than short ones. Two ids share a key with odds of about n²/2⁵⁴ (n = ids
 * remembered): for 10,000 ids, one in 180 million.
 */
export function compactId(id: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < id.length; i++) {
		const c = id.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The window as kept in static data: ISO instants → space-separated id keys. */
export interface StoredWindow {
	top: string | null;
	floor: string | null;
	seen: Record<string, string>;
}

export interface Timed<T> {
	time: number;
	id: string;
	entry: T;
	/** Position in the list it came from (ties in time keep the server's order). */
	position?: number;
}

/** Oldest first, ties by id: the order items are emitted in. */
export function byTime<T>(a: Timed<T>, b: Timed<T>): number {
	return a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const iso = (ms: number) => new Date(ms).toISOString();

export class SeenWindow {
	private seen = new Map<number, Set<string>>();

	private constructor(
		/** Newest time seen; undefined = nothing seen yet. */
		private top: number | undefined,
		/** Everything at or before this counts as seen (raised when the id memory is full). */
		private floor: number | undefined,
	) {}

	static empty(): SeenWindow {
		return new SeenWindow(undefined, undefined);
	}

	/** Everything at or before `time` counts as seen (a cursor from an older version of the node). */
	static upTo(time: number): SeenWindow {
		return new SeenWindow(time, time);
	}

	/** A window read back from static data; anything malformed counts as absent. */
	static fromStored(value: unknown): SeenWindow | undefined {
		if (!value || typeof value !== 'object') return undefined;
		const { top, floor, seen } = value as Partial<StoredWindow>;
		const topMs = top === null ? undefined : timeOf(top);
		const floorMs = floor === null || floor === undefined ? undefined : timeOf(floor);
		if ((top !== null && topMs === undefined) || (floor && floorMs === undefined)) return undefined;
		if (!seen || typeof seen !== 'object') return undefined;
		const window = new SeenWindow(topMs, floorMs);
		for (const [at, keys] of Object.entries(seen)) {
			const ms = timeOf(at);
			if (ms === undefined || typeof keys !== 'string') return undefined;
			window.seen.set(ms, new Set(keys.split(' ').filter(Boolean)));
		}
		return window;
	}

	get isEmpty(): boolean {
		return this.top === undefined;
	}

	/** Records older than this count as seen; a list read must reach below it to be complete. */
	lowerBound(): number {
		if (this.top === undefined) return -Infinity;
		return Math.max(this.floor ?? -Infinity, this.top - LOOKBACK_MS);
	}

	isNew(time: number, id: string): boolean {
		return time > this.lowerBound() && !this.seen.get(time)?.has(compactId(id));
	}

	add(time: number, id: string): void {
		let keys = this.seen.get(time);
		if (!keys) this.seen.set(time, (keys = new Set()));
		keys.add(compactId(id));
		if (this.top === undefined || time > this.top) this.top = time;
	}

	/** Number of ids remembered (for tests and the cap). */
	get remembered(): number {
		let count = 0;
		for (const keys of this.seen.values()) count += keys.size;
		return count;
	}

	/** Drop what the lookback no longer needs, apply the cap, and give the static-data form. */
	toStored(): StoredWindow {
		const bound = this.lowerBound();
		const instants = [...this.seen.keys()].sort((a, b) => a - b);
		let count = 0;
		for (const at of instants) {
			if (at <= bound) this.seen.delete(at);
			else count += (this.seen.get(at) as Set<string>).size;
		}
		for (const at of instants) {
			if (count <= MAX_REMEMBERED) break;
			const keys = this.seen.get(at);
			if (!keys) continue;
			count -= keys.size;
			this.seen.delete(at);
			this.floor = Math.max(this.floor ?? -Infinity, at);
		}
		const seen: Record<string, string> = {};
		for (const at of [...this.seen.keys()].sort((a, b) => a - b)) {
			seen[iso(at)] = [...(this.seen.get(at) as Set<string>)].join(' ');
		}
		return {
			top: this.top === undefined ? null : iso(this.top),
			floor: this.floor === undefined ? null : iso(this.floor),
			seen,
		};
	}
}

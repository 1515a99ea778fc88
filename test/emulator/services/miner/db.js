// @ts-check
// Miner, report and vcf tables: plain arrays of plain objects, so the whole state dumps as JSON
// (GET /_emulator/state) and a seed can pre-fill any of them.

export const TABLES = ['subjects', 'samples', 'orders', 'order_samples', 'order_history', 'reports', 'variant_caches'];

let seq = 0;
/** Insertion counter: tie-breaker for "newest first" when timestamps are equal. */
export const nextSeq = () => ++seq;

/**
 * Fill missing tables (and internal fields of seeded rows) on a state object.
 * @param {any} state
 */
export function ensureTables(state) {
	for (const t of TABLES) {
		state[t] ??= [];
		for (const row of state[t]) row._seq ??= nextSeq();
	}
	return state;
}

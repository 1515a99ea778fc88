// @ts-check
// Per-order variant cache (docs/flow-api.md §10.2): built lazily on the first variant query, or in the
// background on POST .../cache (finishes on the emulator clock). Variants themselves are
// regenerated from the sample ids (deterministic), so the state keeps only the cache metadata.
import { HttpError } from '../../core/errors.js';
import { generateSampleVariants } from './variants.js';

export const DEFAULT_BUILD_MS = 1000;

/** Generated variants per sample id, shared by all requests (they never change). */
const memo = new Map();
const MEMO_LIMIT = 64;

/** @param {string} sampleId */
export function sampleVariants(sampleId) {
	let rows = memo.get(sampleId);
	if (!rows) {
		rows = generateSampleVariants(sampleId);
		if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value);
		memo.set(sampleId, rows);
	}
	return rows;
}

/** @param {{db: any}} env @param {any} order */
function cacheRow(env, order) {
	let row = env.db.variant_caches.find((c) => c.order_id === order.id);
	if (!row) {
		row = {
			order_id: order.id,
			project_id: order.project_id,
			status: 'not_built',
			variant_count: 0,
			sample_ids: [],
			requested_at: null,
			built_at: null,
			error_message: null,
		};
		env.db.variant_caches.push(row);
	}
	return row;
}

/** @param {{db: any}} env @param {any} order */
export function orderSampleIds(env, order) {
	return env.db.order_samples
		.filter((l) => l.order_id === order.id)
		.sort((a, b) => a._seq - b._seq)
		.map((l) => l.sample_id);
}

function finishBuild(env, order, row, outcome) {
	if (outcome === 'failed') {
		Object.assign(row, { status: 'failed', error_message: 'Emulated VCF parse failure', built_at: null, variant_count: 0 });
		return;
	}
	const ids = orderSampleIds(env, order);
	Object.assign(row, {
		status: 'ready',
		sample_ids: ids,
		variant_count: ids.reduce((n, id) => n + sampleVariants(id).length, 0),
		built_at: env.now(),
		error_message: null,
	});
}

/** Public view of the cache row. @param {{db: any}} env @param {any} order */
export function cacheStatus(env, order) {
	const row = cacheRow(env, order);
	return {
		order_id: row.order_id,
		status: row.status,
		variant_count: row.variant_count,
		sample_ids: row.sample_ids,
		requested_at: row.requested_at,
		built_at: row.built_at,
		error_message: row.error_message,
	};
}

/**
 * Start a background (re)build; it ends after `durationMs` of emulator time.
 * @param {{db: any, now: () => string, clock: {schedule: (ms: number, fn: () => void) => unknown}, audit: Function}} env
 */
export function startBuild(env, order, { outcome = 'ready', durationMs = DEFAULT_BUILD_MS } = {}) {
	const row = cacheRow(env, order);
	if (row.status === 'building') throw new HttpError(409, `The variant cache of order ${order.display_id} is already building`);
	Object.assign(row, { status: 'building', requested_at: env.now(), error_message: null });
	const token = (row._build = (row._build ?? 0) + 1);
	env.clock.schedule(durationMs, () => {
		// Ignore a build superseded by a reset (row gone) or by a newer request.
		if (!env.db.variant_caches.includes(row) || row._build !== token) return;
		finishBuild(env, order, row, outcome);
	});
	env.audit({ action: 'variant_cache.build', entity_type: 'order', entity_id: order.id, changes: { outcome, duration_ms: durationMs } });
	return cacheStatus(env, order);
}

/**
 * Variants of every sample on the order; builds the cache synchronously the first time.
 * @param {{db: any, now: () => string}} env
 */
export function orderVariants(env, order) {
	const row = cacheRow(env, order);
	if (row.status === 'not_built') {
		row.requested_at = env.now();
		finishBuild(env, order, row, 'ready');
	}
	if (row.status === 'building') {
		throw new HttpError(409, `The variant cache of order ${order.display_id} is building; retry later`, { 'Retry-After': '1' });
	}
	if (row.status === 'failed') {
		throw new HttpError(409, `The variant cache of order ${order.display_id} failed to build (${row.error_message}); POST .../cache to rebuild`);
	}
	return row.sample_ids.flatMap((id) => sampleVariants(id));
}

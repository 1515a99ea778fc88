// @ts-check
/**
 * VCF service (x-inferred API, docs/flow-api.md §10.2 documents none): variant queries per order and per
 * sample, and the per-order variant cache status. Variants are synthetic and deterministic per
 * sample id (services/vcf/variants.js), so tests can page through thousands of rows.
 */
import { minerEnv } from './miner.js';
import { getOrder } from './miner/orders.js';
import { getSample } from './miner/samples.js';
import { cacheStatus, orderVariants, sampleVariants, startBuild, DEFAULT_BUILD_MS } from './vcf/cache.js';
import { compareVariants, filterVariants, sortVariants } from './vcf/variants.js';

/** Filter, sort, page; decorate only the page. @param {any} ctx @param {any[]} rows @param {Map<string,string>} names */
function answer(ctx, rows, names) {
	const matched = sortVariants(filterVariants(rows, ctx.query), ctx.query.sort);
	const offset = ctx.query.offset ?? 0;
	const page = matched.slice(offset, offset + (ctx.query.limit ?? 100));
	return {
		body: page.map((v) => ({ ...v, sample_display_id: names.get(v.sample_id) ?? null })),
		headers: { 'X-Total-Count': String(matched.length) },
	};
}

/** @type {Record<string, (ctx: any) => any>} */
const handlers = {
	listOrderVariants: (ctx) => {
		const env = minerEnv(ctx);
		const order = getOrder(env, ctx.params.order_id);
		// Genomic order across samples; ties keep the order's sample order.
		const rows = orderVariants(env, order)
			.map((v, i) => ({ v, i }))
			.sort((a, b) => compareVariants(a.v, b.v) || a.i - b.i)
			.map(({ v }) => v);
		const names = new Map(env.db.samples.map((s) => [s.id, s.display_id]));
		return answer(ctx, rows, names);
	},
	listSampleVariants: (ctx) => {
		const sample = getSample(minerEnv(ctx), ctx.params.sample_id);
		return answer(ctx, sampleVariants(sample.id), new Map([[sample.id, sample.display_id]]));
	},
	getOrderVariantCache: (ctx) => {
		const env = minerEnv(ctx);
		return { body: cacheStatus(env, getOrder(env, ctx.params.order_id)) };
	},
	rebuildOrderVariantCache: (ctx) => {
		const env = minerEnv(ctx);
		const order = getOrder(env, ctx.params.order_id);
		const body = ctx.body ?? {};
		const status = startBuild(env, order, {
			outcome: body.__emulator_outcome ?? 'ready',
			durationMs: body.__emulator_duration_ms ?? ctx.emu.config?.variantCacheBuildMs ?? DEFAULT_BUILD_MS,
		});
		return { status: 202, body: status };
	},
};

export default {
	service: 'vcf',
	handlers,
	/** A run that succeeded for an order brings new calls (docs/flow-api.md §5.5): the order cache is rebuilt on the next query. */
	init(emu) {
		emu.hooks.on('run.terminal', (run) => {
			if (run?.status !== 'succeeded' || !run.order_id || !emu.state?.variant_caches) return;
			emu.state.variant_caches = emu.state.variant_caches.filter((c) => c.order_id !== run.order_id);
		});
	},
};

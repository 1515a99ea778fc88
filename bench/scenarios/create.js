'use strict';
// Scenario 1: Create Sample × N. Each run starts from a fresh emulator (seed + one subject) and
// must leave exactly N new samples behind, whichever side made them.
const { EMULATOR_TOKEN } = require('../../scripts/lib/credential');
const { PROJECT_A, subjectSeed, displayIds } = require('../lib/seed');
const { runN8n, runRaw } = require('../lib/sides');

const PARALLEL = 8; // Items in Parallel in bench/workflows/create-node-parallel.json
const WARMUP_ITEMS = 10;

module.exports = function createScenario(ctx) {
	const { emulator } = ctx.env;
	const webhookSide = (key, label, workflowId, route, pair) => ({
		key,
		label,
		n8n: true,
		pair,
		run: async ({ prefix, count }) =>
			await runN8n(ctx, {
				workflowId,
				route,
				body: { items: displayIds(prefix, count).map((id) => ({ display_id: id })) },
			}),
	});
	const sides = [
		{
			key: 'raw',
			label: 'raw: sequential `fetch` loop (plain Node script)',
			run: async ({ prefix, count }) =>
				await runRaw(ctx, 'create.js', {
					url: `${emulator.url}/miner/api/v1/samples`,
					token: EMULATOR_TOKEN,
					project: PROJECT_A,
					prefix,
					count,
				}),
		},
		webhookSide(
			'handLoop',
			'by hand: Loop Over Items (1) → HTTP Request, one at a time',
			'benchCreateHttpLoop',
			'bench-create-http-loop',
		),
		webhookSide(
			'hand',
			'by hand: HTTP Request (its default: every item at once)',
			'benchCreateHttp',
			'bench-create-http',
		),
		webhookSide('node', 'iFlow Miner, one at a time (default)', 'benchCreateNode', 'bench-create-node', 'handLoop'),
		webhookSide(
			'nodePar',
			`iFlow Miner, Items in Parallel = ${PARALLEL}`,
			'benchCreateNodePar',
			'bench-create-node-parallel',
			'hand',
		),
	];

	return {
		id: 'create',
		cases: [{ id: 'create', title: `Create Sample × ${ctx.config.items.toLocaleString('en')}`, rawKey: 'raw', sides }],
		async run(_case, side, { round, warmup }) {
			const count = warmup ? Math.min(WARMUP_ITEMS, ctx.config.items) : ctx.config.items;
			const prefix = `SAM-${warmup ? 'w' : `r${round + 1}`}-${side.key}`;
			await emulator.reset();
			await emulator.control('POST', 'seed', subjectSeed());
			const measure = await side.run({ prefix, count });
			const made = (await emulator.state()).samples.filter((s) => s.display_id.startsWith(`${prefix}-`)).length;
			if (made !== count) throw new Error(`${side.key}: ${made} samples created, expected ${count}`);
			return measure;
		},
	};
};

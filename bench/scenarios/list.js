'use strict';
// Scenario 2: Get Many samples, Return All, over M seeded samples (pages of 100 on every side).
const { EMULATOR_TOKEN } = require('../../scripts/lib/credential');
const { PROJECT_A, subjectSeed, sampleSeed } = require('../lib/seed');
const { runN8n, runRaw, outputItems } = require('../lib/sides');

const PAGE_SIZE = 100; // the node's page size (nodes/shared/transport/pagination.ts); the others use it too

module.exports = function listScenario(ctx) {
	const { emulator } = ctx.env;
	const webhookSide = (key, label, workflowId, route, node, pair) => ({
		key,
		label,
		n8n: true,
		pair,
		run: async () => {
			const measure = await runN8n(ctx, { workflowId, route, body: {} });
			return { ...measure, count: outputItems(measure.execution, node).length };
		},
	});
	const sides = [
		{
			key: 'raw',
			label: `raw: sequential \`fetch\` limit/offset loop, pages of ${PAGE_SIZE}`,
			run: async () =>
				await runRaw(ctx, 'list.js', {
					url: `${emulator.url}/miner/api/v1/samples`,
					token: EMULATOR_TOKEN,
					project: PROJECT_A,
					pageSize: PAGE_SIZE,
				}),
		},
		webhookSide(
			'hand',
			'by hand: HTTP Request, pagination by hand (offset, stop on a short page)',
			'benchListHttp',
			'bench-list-http',
			'HTTP Request',
		),
		webhookSide('node', 'iFlow Miner, Get Many, Return All', 'benchListNode', 'bench-list-node', 'iFlow Miner', 'hand'),
	];

	return {
		id: 'list',
		cases: [
			{
				id: 'list',
				title: `Get Many samples × ${ctx.config.samples.toLocaleString('en')}, Return All`,
				rawKey: 'raw',
				sides,
			},
		],
		async setup() {
			await emulator.reset();
			await emulator.control('POST', 'seed', { ...subjectSeed(), samples: sampleSeed(ctx.config.samples) });
		},
		async run(_case, side) {
			await emulator.clearRequests(); // keep the emulator's request log small
			const measure = await side.run();
			if (measure.count !== ctx.config.samples)
				throw new Error(`${side.key}: ${measure.count} samples returned, expected ${ctx.config.samples}`);
			return measure;
		},
	};
};

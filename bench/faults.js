#!/usr/bin/env node
// Benchmark: creates through injected faults. 1,000 Create Sample items (iFlow Miner, Items in
// Parallel) and 200 Submit Run items (iFlow Compute) in the n8n-core engine harness, against the
// emulator with a seeded mix of faults on 20 % of the calls (429 with Retry-After, 503, connection
// resets, 502/504 and late answers, before and after the server stored the record). Run with
// this build (reconciliation) and with the build of another git ref (default `main`: today's
// behaviour, no reconciliation), each also without faults in the same run.
//
//   npm run build && node bench/faults.js [--samples 1000] [--runs 200] [--rate 0.2] [--seed 19]
//                                         [--concurrency 8] [--baseline main | --no-baseline]
//
// Reports, per mode: records created (distinct and duplicates; goal: exactly N), items failed
// (goal 0), requests made beyond the fault-free run, and the time against the fault-free run.
// Prints a table and writes bench/results/faults-<time>.json.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
	const index = args.indexOf(`--${name}`);
	return index === -1 ? fallback : args[index + 1];
};
const SAMPLES = Number(option('samples', 1000));
const RUNS = Number(option('runs', 200));
const RATE = Number(option('rate', 0.2));
const SEED = Number(option('seed', 19));
const CONCURRENCY = Number(option('concurrency', 8));
const BASELINE = args.includes('--no-baseline') ? undefined : option('baseline', 'main');

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-bench-faults-'));
process.env.N8N_USER_FOLDER = workDir;
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

if (!fs.existsSync(path.join(ROOT, 'dist/nodes/IFlowMiner/IFlowMiner.node.js'))) {
	console.error('dist/ has no iFlow Miner node: run `npm run build` first.');
	process.exit(1);
}
const { configure, runNode } = require('../test/helpers/engine');
const { startEmulator } = require('../test/helpers/emulator');
const { SUBJECT_ID, subjectSeed } = require('./lib/seed');

/**
 * The faults, by weight (they add up to 10): one fault in five calls picks one of these. 429 and
 * 503 mean "not processed" (the transport waits and repeats); the rest leave the outcome unknown.
 */
const MIX = [
	{ weight: 3, status: 429, retryAfter: 1, kind: '429 (Retry-After 1)' },
	{ weight: 2, status: 503, kind: '503' },
	{ weight: 1, reset: true, kind: 'reset before commit' },
	{ weight: 1, reset: true, afterCommit: true, kind: 'reset after commit' },
	{ weight: 1, status: 502, afterCommit: true, kind: '502 after commit' },
	{ weight: 1, status: 504, afterCommit: true, kind: '504 after commit' },
	{ weight: 1, delayMs: 1000, reset: true, afterCommit: true, kind: 'late answer after commit (1 s, dropped)' },
];
/** Every call the two jobs make (creates, look-ups, the pipeline read), not /openapi.json. */
const FAULTED = { miner: '^/api/v1/samples$', compute: '^/api/v1/(runs|pipelines/slug/.*)$' };

/** The compiled nodes of another git ref, built once into a temp folder (`node_modules` shared). */
function buildRef(ref) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `iflow-bench-${ref.replace(/\W+/g, '-')}-`));
	const archive = execFileSync('git', ['archive', '--format=tar', ref, 'nodes', 'credentials', 'tsconfig.json'], {
		cwd: ROOT,
		maxBuffer: 256 * 1024 * 1024,
	});
	execFileSync('tar', ['-x', '-C', dir], { input: archive });
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
	execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
		cwd: dir,
		stdio: 'inherit',
	});
	return path.join(dir, 'dist');
}

function loadNodes(dist) {
	return {
		miner: new (require(path.join(dist, 'nodes/IFlowMiner/IFlowMiner.node.js')).IFlowMiner)(),
		compute: new (require(path.join(dist, 'nodes/IFlowCompute/IFlowCompute.node.js')).IFlowCompute)(),
	};
}

async function createSamples(emu, nodes, prefix) {
	return await runNode({
		node: nodes.miner,
		parameters: {
			resource: 'sample',
			operation: 'create',
			subjectId: { __rl: true, mode: 'id', value: SUBJECT_ID },
			displayId: `=${prefix}-{{ $json.i }}`,
			additionalFields: { sampleType: 'germline', collectionDate: '2026-01-15' },
			batching: { concurrency: CONCURRENCY },
		},
		items: Array.from({ length: SAMPLES }, (_, i) => ({ i })),
		credentials: emu.credentials(),
		continueOnFail: true,
	});
}

async function submitRuns(emu, nodes, prefix) {
	return await runNode({
		node: nodes.compute,
		parameters: {
			resource: 'run',
			operation: 'submit',
			pipeline: { __rl: true, mode: 'slug', value: 'hereditary-mock' },
			specifyParameters: 'json',
			parametersJson: `={{ JSON.stringify({ case_id: '${prefix}-' + $json.i }) }}`,
		},
		items: Array.from({ length: RUNS }, (_, i) => ({ i })),
		credentials: emu.credentials(),
		continueOnFail: true,
	});
}

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

/** One job, with or without faults, on a fresh emulator state. */
async function measure(emu, job, faulted) {
	await emu.reset();
	await emu.control('POST', '/seed', subjectSeed());
	await emu.clearRequests();
	if (faulted) {
		for (const [service, pathRegex] of Object.entries(FAULTED)) {
			await emu.fault({ service, path: pathRegex, probability: RATE, seed: SEED, mix: MIX });
		}
	}
	const start = process.hrtime.bigint();
	const result = await job.run();
	const time = seconds(start);
	const state = await emu.control('GET', '/state');
	const log = await emu.control('GET', '/requests');
	const keys = job.keys(state);
	const calls = log.filter((entry) => entry.path !== '/openapi.json');
	const faults = {};
	for (const entry of calls) if (entry.faultKind) faults[entry.faultKind] = (faults[entry.faultKind] ?? 0) + 1;
	return {
		time,
		created: keys.length,
		distinct: new Set(keys).size,
		failed: result.output.filter((item) => item.json.error !== undefined).length + (result.error ? 1 : 0),
		recovered: result.output.filter((item) => item.json.recovered === true).length,
		requests: calls.length,
		faults,
		firstError: result.output.find((item) => item.json.error)?.json.error ?? result.error?.message,
	};
}

async function main() {
	const { IFlowApi } = require(path.join(ROOT, 'dist/credentials/IFlowApi.credentials.js'));
	configure({ credentialType: new IFlowApi() });
	const modes = [{ name: 'reconciliation (this build)', dist: path.join(ROOT, 'dist') }];
	if (BASELINE) modes.push({ name: `today (${BASELINE}, no reconciliation)`, dist: buildRef(BASELINE) });

	const emu = await startEmulator({ clock: 'manual' });
	const rows = [];
	try {
		for (const mode of modes) {
			const nodes = loadNodes(mode.dist);
			const jobs = [
				{
					name: `Create Sample × ${SAMPLES}`,
					wanted: SAMPLES,
					run: () => createSamples(emu, nodes, 'SAM'),
					keys: (state) => state.samples.filter((s) => s.display_id.startsWith('SAM-')).map((s) => s.display_id),
				},
				{
					name: `Submit Run × ${RUNS}`,
					wanted: RUNS,
					run: () => submitRuns(emu, nodes, 'CASE'),
					keys: (state) => state.runs.map((r) => String(r.params?.case_id)),
				},
			];
			for (const job of jobs) {
				process.stdout.write(`${mode.name}: ${job.name} …\n`);
				const clean = await measure(emu, job, false);
				const faulted = await measure(emu, job, true);
				rows.push({ mode: mode.name, job: job.name, wanted: job.wanted, clean, faulted });
			}
		}
	} finally {
		await emu.stop();
		fs.rmSync(workDir, { recursive: true, force: true });
	}
	report(rows);
}

function report(rows) {
	const lines = [
		`Creates through ${Math.round(RATE * 100)} % injected faults (seed ${SEED}), n8n-core engine harness, Items in Parallel = ${CONCURRENCY} for Create Sample; ${os.cpus().length} cores, load average ${os
			.loadavg()
			.map((x) => x.toFixed(2))
			.join(' / ')}`,
		'',
		'| job | mode | records created (distinct) | duplicates | missing | items failed | recovered | requests, fault-free → faulted (extra) | seconds, fault-free → faulted (×) |',
		'|---|---|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const { mode, job, wanted, clean, faulted } of rows) {
		const extra = faulted.requests - clean.requests;
		lines.push(
			`| ${job} | ${mode} | ${faulted.created} (${faulted.distinct}) | ${faulted.created - faulted.distinct} | ${wanted - faulted.distinct} | ${faulted.failed} | ${faulted.recovered} | ${clean.requests} → ${faulted.requests} (+${extra}, ${((100 * extra) / clean.requests).toFixed(1)} %) | ${clean.time.toFixed(1)} → ${faulted.time.toFixed(1)} (${(faulted.time / clean.time).toFixed(1)}×) |`,
		);
	}
	lines.push('', 'Faults injected per run (request log):');
	for (const { mode, job, faulted } of rows) {
		const kinds = Object.entries(faulted.faults)
			.sort((a, b) => b[1] - a[1])
			.map(([kind, n]) => `${kind} ${n}`)
			.join(', ');
		lines.push(`- ${job}, ${mode}: ${kinds}${faulted.firstError ? `; first error: ${faulted.firstError}` : ''}`);
	}
	const text = lines.join('\n');
	process.stdout.write(`\n${text}\n`);
	const dir = path.join(__dirname, 'results');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `faults-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	fs.writeFileSync(
		file,
		JSON.stringify({ samples: SAMPLES, runs: RUNS, rate: RATE, seed: SEED, mix: MIX, rows }, null, 2),
	);
	process.stdout.write(`\nwritten ${path.relative(ROOT, file)}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

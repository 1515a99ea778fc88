#!/usr/bin/env node
'use strict';
// `npm run bench`: our nodes measured where users run them — a real n8n 2.41 (regular mode,
// filesystem binary data, this package installed as a community package, the same setup as the
// e2e suite) against the Flow emulator — side by side, in the same run, with the same job wired
// by hand (n8n's HTTP Request node with the iFlow API credential) and with raw baselines (a plain
// Node `fetch` loop; curl and a plain Node `http` stream for files). See bench/README.md.
//
//   npm run bench                      full: 1,000 creates, 10,000 samples, 2 GiB, 3 rounds
//   npm run bench -- --quick           smoke: 50 creates, 500 samples, 32 MiB, 3 rounds (CI)
//   options: --rounds N --items N --samples N --size-mib N --only create,list,files
//            --skip-build (use the existing dist/) --keep (keep the work folder)
//            --trace-n8n (GC log and CPU profile of the n8n process into test-results/bench/trace;
//            read a side's window with `node bench/trace-window.js`, see bench/README.md)
//
// Prints one table (medians over the rounds) on stdout, progress on stderr, and writes every
// measurement to bench/results/n8n-<time>.json.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { log, step } = require('../scripts/lib/log');
const { REPO } = require('../scripts/lib/package');
const { NODE_VERSION, N8N_VERSION } = require('../scripts/lib/install');
const { stopAll, stopAllOnSignals } = require('../scripts/lib/processes');
const { startEnvironment } = require('../scripts/lib/environment');
const { childPids } = require('./lib/rss');
const { rotate, summarize, formatTable } = require('./lib/report');

const SCENARIOS = {
	create: require('./scenarios/create'),
	list: require('./scenarios/list'),
	files: require('./scenarios/files'),
};
const SIZES = {
	full: { items: 1000, samples: 10000, sizeMiB: 2048, rounds: 3 },
	quick: { items: 50, samples: 500, sizeMiB: 32, rounds: 3 },
};
const WORKFLOW_IDS = [
	'benchCreateNode',
	'benchCreateNodePar',
	'benchCreateHttp',
	'benchCreateHttpLoop',
	'benchListNode',
	'benchListHttp',
	'benchUploadNode',
	'benchUploadHttp',
	'benchDownloadNode',
	'benchDownloadHttp',
];

function parseArgs(argv) {
	const options = {
		quick: false,
		only: Object.keys(SCENARIOS),
		skipBuild: false,
		keep: false,
		traceN8n: false,
		overrides: {},
	};
	const number = (name, value) => {
		const n = Number(value);
		if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a whole number ≥ 1 (got ${value})`);
		return n;
	};
	const keys = { rounds: 'rounds', items: 'items', samples: 'samples', 'size-mib': 'sizeMiB' };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--quick') options.quick = true;
		else if (arg === '--skip-build') options.skipBuild = true;
		else if (arg === '--keep') options.keep = true;
		else if (arg === '--trace-n8n') options.traceN8n = true;
		else if (arg === '--only') options.only = argv[++i].split(',');
		else if (keys[arg.slice(2)]) options.overrides[keys[arg.slice(2)]] = number(arg.slice(2), argv[++i]);
		else throw new Error(`unknown option ${arg} (see the top of bench/run.js)`);
	}
	const unknown = options.only.filter((s) => !SCENARIOS[s]);
	if (unknown.length > 0)
		throw new Error(`--only: unknown scenario ${unknown.join(', ')} (${Object.keys(SCENARIOS).join(', ')})`);
	options.config = { ...SIZES[options.quick ? 'quick' : 'full'], ...options.overrides };
	return options;
}

/** The n8n process itself: guard.js (scripts/lib/guard.js) starts it as its only child. */
function n8nPid(server) {
	const [pid] = childPids(server.pid);
	if (!pid) throw new Error(`cannot find the n8n process under ${server.pid}`);
	return pid;
}

const load = () =>
	os
		.loadavg()
		.map((v) => v.toFixed(2))
		.join(' / ');

/** Warm-up (not recorded), then `rounds` rounds; each round runs every side once, in rotated order. */
async function runScenario(scenario, rounds) {
	const measures = Object.fromEntries(scenario.cases.map((c) => [c.id, {}]));
	if (scenario.setup) await step(`${scenario.id}: setup`, () => scenario.setup());
	await step(`${scenario.id}: warm-up`, async () => {
		for (const c of scenario.cases)
			for (const side of c.sides)
				await scenario.run(c, side, { round: -1, warmup: true }).catch((error) => {
					log(`${c.id} warm-up ${side.key} FAILED: ${error.message}`);
				});
	});
	for (let round = 0; round < rounds; round++) {
		for (const c of scenario.cases) {
			for (const side of rotate(c.sides, round)) {
				const label = `${c.id} round ${round + 1}/${rounds} ${side.key}`;
				const list = (measures[c.id][side.key] ??= []);
				try {
					const m = await scenario.run(c, side, { round, warmup: false });
					list.push({ seconds: m.seconds, rssMiB: m.rssMiB, callSeconds: m.callSeconds, load: os.loadavg()[0] });
					const rss = typeof m.rssMiB === 'number' ? `, n8n RSS +${m.rssMiB.toFixed(1)} MiB` : '';
					log(`${label}: ${m.seconds.toFixed(3)} s${rss}`);
				} catch (error) {
					// One failed round must not cost the other measurements of a long run.
					list.push({ error: error.message, load: os.loadavg()[0] });
					log(`${label} FAILED: ${error.message}`);
				}
			}
		}
	}
	if (scenario.teardown) await scenario.teardown();
	return scenario.cases.map((c) => ({ ...c, measures: measures[c.id] }));
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const { config } = options;
	stopAllOnSignals();
	const loadAtStart = load();
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-iflow-bench-'));
	const filesDir = path.join(workDir, 'files');
	fs.mkdirSync(filesDir);
	const logDir = path.join(REPO, 'test-results', 'bench', 'logs');
	fs.rmSync(logDir, { recursive: true, force: true });
	log(
		`bench ${options.quick ? '(quick) ' : ''}${JSON.stringify(config)}, scenarios ${options.only.join(', ')}, work folder ${workDir}`,
	);

	const traceDir = path.join(REPO, 'test-results', 'bench', 'trace');
	fs.rmSync(traceDir, { recursive: true, force: true });
	// Only the n8n processes get the preload; it traces the server (`n8n start`) alone.
	const trace = options.traceN8n
		? { NODE_OPTIONS: `--require "${path.join(__dirname, 'lib', 'n8n-trace.js')}"`, BENCH_TRACE_DIR: traceDir }
		: {};
	if (options.traceN8n) {
		fs.mkdirSync(traceDir, { recursive: true });
		log(`tracing the n8n process into ${path.relative(REPO, traceDir)}`);
	}

	const cases = [];
	const failedScenarios = [];
	try {
		const env = await startEnvironment({
			workDir,
			logDir,
			skipBuild: options.skipBuild,
			clock: 'fast',
			workflowDirs: [path.join(__dirname, 'workflows')],
			n8nEnv: {
				N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem', // the regular-mode default, stated
				N8N_RESTRICT_FILE_ACCESS_TO: filesDir, // where the Read/Write Files node may read the source file
				...trace,
			},
		});
		// Activating through the API is much quicker than one `n8n publish:workflow` process per workflow.
		await step('activate the bench workflows', () => Promise.all(WORKFLOW_IDS.map((id) => env.client.activate(id))));
		const ctx = { env, runtime: env.runtime, n8nPid: n8nPid(env.server), config, workDir, filesDir };
		log(`n8n pid ${ctx.n8nPid}, ${env.n8n.baseUrl}; emulator ${env.emulator.url}`);
		for (const id of options.only) {
			try {
				cases.push(...(await runScenario(SCENARIOS[id](ctx), config.rounds)));
			} catch (error) {
				// e.g. its setup failed: report it, keep the other scenarios' results
				log(`${id} FAILED: ${error.stack || error.message}`);
				failedScenarios.push(`${id}: ${error.message}`);
			}
		}
	} finally {
		await stopAll();
		if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
	}

	const heading = [
		`iFlow nodes in a real n8n ${N8N_VERSION} (regular mode, filesystem binary data) vs by hand vs raw${options.quick ? ' — quick' : ''}`,
		`median of ${config.rounds} rounds; Node ${NODE_VERSION} for n8n and the raw scripts; ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}); load average (1/5/15 min) at start ${loadAtStart}, at end ${load()}`,
	];
	const table = formatTable(summarize(cases), heading);
	process.stdout.write(`\n${table}`);
	process.stdout.write(
		'\n× raw: time / the raw side of the same case. × by hand: our node / the HTTP Request workflow doing the same job\n' +
			"the same way (one at a time vs the Loop Over Items loop; all at once vs HTTP Request's default). RSS growth: peak VmRSS\n" +
			'of the n8n process during the webhook call minus VmRSS just before it.\n',
	);
	const out = path.join(__dirname, 'results', `n8n-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.writeFileSync(
		out,
		JSON.stringify(
			{
				config,
				quick: options.quick,
				n8n: N8N_VERSION,
				node: NODE_VERSION,
				cpus: os.cpus().length,
				loadAtStart,
				loadAtEnd: load(),
				cases: cases.map(({ id, title, rawKey, sides, measures }) => ({
					id,
					title,
					rawKey,
					sides: sides.map(({ key, label, pair, n8n }) => ({ key, label, pair, n8n: Boolean(n8n) })),
					measures,
				})),
			},
			null,
			2,
		),
	);
	process.stdout.write(`\nall measurements: ${path.relative(REPO, out)}\n`);
	const failures = [
		...failedScenarios,
		...cases.flatMap((c) =>
			Object.entries(c.measures).flatMap(([key, list]) =>
				list.filter((m) => m.error).map((m) => `${c.id} ${key}: ${m.error}`),
			),
		),
	];
	if (failures.length > 0) {
		process.stdout.write(`\n${failures.length} failed run(s):\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
		process.exitCode = 1;
	}
}

main().catch(async (error) => {
	log(`bench failed: ${error.stack || error.message}`);
	await stopAll();
	process.exit(1);
});

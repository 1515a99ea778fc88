#!/usr/bin/env node
'use strict';
// `npm start`: a local n8n with this package installed, the Flow emulator as
// its iFlow backend, the example workflows imported, and an owner account.
// Everything runs on 127.0.0.1 and stops on Ctrl-C.
//
//   npm start [-- --fresh] [-- --port 5678 --emulator-port 4010]
//   npm start -- --queue   the production topology instead (README "Deploying"):
//                      PostgreSQL + Redis + main + 2 workers + webhook processor,
//                      started fresh each time (the database lives in a temp folder)
//     --fresh            start from an empty n8n user folder (.n8n-local/)
//     --port N           n8n port (default 5678; queue mode: the main's)
//     --webhook-port N   queue mode: the webhook processor's port (default 5680)
//     --emulator-port N  Flow emulator port (default 4010)
//     --stop-after S     stop by itself after S seconds (smoke tests)
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { log, step, heartbeat } = require('./lib/log');
const { REPO } = require('./lib/package');
const { runChecked, stopAll, stopAllOnSignals, isStopping } = require('./lib/processes');
const { startEnvironment } = require('./lib/environment');
const { startQueueEnvironment } = require('./lib/queue-environment');
const { PROCESSES } = require('./lib/topology');
const {
	CREDENTIAL_NAME,
	LIMS_WEBHOOK_CREDENTIAL_NAME,
	LIMS_WEBHOOK_HEADER,
	LIMS_WEBHOOK_TOKEN,
} = require('./lib/credential');
const { packageLoadError } = require('./lib/n8n');

function parseArgs(argv) {
	const options = { fresh: false, queue: false, port: 5678, webhookPort: 5680, emulatorPort: 4010, stopAfter: 0 };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--fresh') options.fresh = true;
		else if (arg === '--queue') options.queue = true;
		else if (arg === '--port') options.port = Number(argv[++i]);
		else if (arg === '--webhook-port') options.webhookPort = Number(argv[++i]);
		else if (arg === '--emulator-port') options.emulatorPort = Number(argv[++i]);
		else if (arg === '--stop-after') options.stopAfter = Number(argv[++i]);
		else throw new Error(`unknown option ${arg} (see the top of scripts/start.js)`);
	}
	return options;
}

function assertPortFree(port, what) {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', () =>
			reject(
				new Error(
					`port ${port} (${what}) is already in use; stop whatever uses it or pass another port (see scripts/start.js)`,
				),
			),
		);
		server.listen(port, '127.0.0.1', () => server.close(resolve));
	});
}

/** The README promises no install step before `npm start`. */
async function ensureDependencies() {
	if (fs.existsSync(path.join(REPO, 'node_modules', 'typescript', 'package.json'))) return;
	const stop = heartbeat('npm ci', 15000);
	try {
		await step('npm ci (first run)', () => runChecked('npm', ['ci', '--no-audit', '--no-fund'], { cwd: REPO }));
	} finally {
		stop();
	}
}

// Examples that only work while active: the LIMS webhook, its error workflow
// (n8n 2.x runs only active error workflows) and the iFlow Compute Trigger.
const ACTIVE_EXAMPLES = ['iflowExLimsIntake', 'iflowExLimsFailed', 'iflowExRunFailed'];

/** Example workflows, for the banner. */
function listExamples() {
	const dir = path.join(REPO, 'examples');
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))
		.filter((w) => w.id && Array.isArray(w.nodes));
}

function banner({ client, owner, emulator, examples, topology }) {
	const lines = [
		'',
		`  n8n with n8n-nodes-iflow is running${topology ? ' in queue mode' : ''}.`,
		'',
		...(topology ?? []),
		`  Editor:          ${client.baseUrl}/`,
		`  Login:           ${owner.email} / ${owner.password}`,
		`  Flow emulator:   ${emulator.url}  (stands in for iFlow; request log: ${emulator.url}/_emulator/requests)`,
		`  Credential:      "${CREDENTIAL_NAME}" (already set up, points at the emulator)`,
	];
	if (examples.length > 0) {
		lines.push('  Examples:');
		for (const w of examples) {
			const active = ACTIVE_EXAMPLES.includes(w.id) ? ' (active)' : '';
			lines.push(`    - ${w.name}${active}   ${client.baseUrl}/workflow/${w.id}`);
		}
	}
	if (examples.some((w) => w.id === 'iflowExLimsIntake')) {
		lines.push(
			'',
			`  LIMS webhook auth: header ${LIMS_WEBHOOK_HEADER}: ${LIMS_WEBHOOK_TOKEN}`,
			`                     (credential "${LIMS_WEBHOOK_CREDENTIAL_NAME}"; local only, make your own elsewhere)`,
			'  Try the LIMS intake (the run takes about 12 s, then the execution resumes):',
			`    curl -X POST ${client.webhookUrl}/webhook/lims-intake -H 'content-type: application/json' \\`,
			`      -H '${LIMS_WEBHOOK_HEADER}: ${LIMS_WEBHOOK_TOKEN}' \\`,
			`      -d '{"subject":{"display_id":"SUB-0001","sex":"female"},"sample":{"display_id":"SAM-0001","sample_type":"germline"},"order":{"display_id":"ORD-0001","priority":"high"}}'`,
		);
	}
	lines.push('', '  Press Ctrl-C to stop everything.', '');
	process.stdout.write(`${lines.join('\n')}\n`);
}

/** Queue mode: the topology of scripts/lib/topology.js, fresh each time. */
async function startQueue(options, examples) {
	await assertPortFree(options.webhookPort, 'n8n webhook processor');
	const workDir = path.join(REPO, '.n8n-local', 'queue');
	const env = await startQueueEnvironment({
		workDir,
		mainPort: options.port,
		webhookPort: options.webhookPort,
		emulatorPort: options.emulatorPort,
		clock: 'real',
		workflowDirs: [path.join(REPO, 'examples')],
		publish: ACTIVE_EXAMPLES.filter((id) => examples.some((w) => w.id === id)),
		apiKey: false,
	});
	const topology = [
		`  PostgreSQL:      127.0.0.1:${env.postgres.port} (database n8n, user n8n; a temp cluster, gone on stop)`,
		`  Redis:           127.0.0.1:${env.redis.port}`,
		`  Processes:       ${PROCESSES.map((p) => p.name).join(', ')} (one user folder each, the package in each)`,
		`  Webhooks:        ${env.webhookUrl}/webhook/... (the webhook processor; the main serves none)`,
	];
	return { ...env, topology, server: env.main, watch: [...Object.values(env.processes).map((p) => p.proc)] };
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	stopAllOnSignals();
	await assertPortFree(options.port, 'n8n');
	await assertPortFree(options.emulatorPort, 'Flow emulator');
	await ensureDependencies();
	const workDir = path.join(REPO, '.n8n-local');
	const examples = listExamples();
	const env = options.queue ? await startQueue(options, examples) : await startRegular(options, workDir, examples);
	banner({ ...env, examples });
	for (const proc of env.watch) {
		const loadError = packageLoadError(proc.logFile);
		if (loadError) log(`WARNING: ${proc.name} could not load n8n-nodes-iflow: ${loadError}`);
	}
	log(`logs: ${path.relative(process.cwd(), env.logDir) || env.logDir}`);

	if (options.stopAfter > 0) setTimeout(() => shutdown(0), options.stopAfter * 1000);
	// If an n8n process or the emulator dies, take the rest down too.
	const code = await Promise.race([...env.watch, env.emulator.proc].map((p) => p.exited));
	if (shuttingDown || isStopping()) return;
	log(`an n8n process or the emulator exited (${code}); see the logs`);
	await shutdown(1);
}

async function startRegular(options, workDir, examples) {
	const env = await startEnvironment({
		workDir,
		userFolder: path.join(workDir, 'home'),
		fresh: options.fresh,
		n8nPort: options.port,
		emulatorPort: options.emulatorPort,
		clock: 'real',
		workflowDirs: [path.join(REPO, 'examples')],
		publish: ACTIVE_EXAMPLES.filter((id) => examples.some((w) => w.id === id)),
		apiKey: false,
	});
	return { ...env, watch: [env.server] };
}

let shuttingDown = false;
async function shutdown(code) {
	if (shuttingDown || isStopping()) return;
	shuttingDown = true;
	await stopAll();
	process.exit(code);
}

main().catch(async (error) => {
	log(`npm start failed: ${error.message}`);
	await stopAll();
	process.exit(1);
});

'use strict';
// Running the real n8n (Node 24 + n8n 2.41 from install.js): its environment,
// one-shot CLI commands (import, publish, execute) and long-running processes
// (`n8n start`, `n8n worker`, `n8n webhook`). Every process of one instance
// shares the user folder (so all load the community package), the SQLite DB and
// the key; queue mode (topology.js) runs one instance per process instead.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { run, runChecked, startProcess } = require('./processes');
const { cleanNpmEnv } = require('./npm-env');

// Fixed so every process (import, execute, start, worker) can decrypt the
// imported credential. This is a local test instance; the key protects nothing.
const ENCRYPTION_KEY = 'n8n-nodes-iflow-local-instance-key-0001';

/** A free TCP port on 127.0.0.1 (bind to 0, read it, close). */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * n8n environment for one instance. `extra` wins (e.g. queue-mode settings).
 * Where a setting is not obvious, the comment beside it says why it is here.
 */
function n8nEnv({ runtime, userFolder, port, brokerPort, extra = {} }) {
	const base = `http://127.0.0.1:${port}`;
	const env = cleanNpmEnv(process.env);
	for (const key of Object.keys(env)) {
		// a developer's own n8n settings must not leak into this instance
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$)/.test(key)) delete env[key];
	}
	return {
		...env,
		PATH: `${path.join(runtime.nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: `${base}/`, // base of /webhook/... and the Wait node's /webhook-waiting/...
		N8N_EDITOR_BASE_URL: `${base}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry', // it polls api.n8n.io
		N8N_VERIFIED_PACKAGES_ENABLED: 'false', // it fetches the vetted list from api.n8n.io
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_SECURE_COOKIE: 'false', // cookie login over plain http
		N8N_SSRF_PROTECTION_ENABLED: 'false', // nodes call the emulator on 127.0.0.1
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'info',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		...extra,
	};
}

/** One n8n instance: its env plus CLI and process helpers. */
function createInstance({ runtime, userFolder, port, brokerPort, logDir, extra }) {
	const env = n8nEnv({ runtime, userFolder, port, brokerPort, extra });
	const baseUrl = `http://127.0.0.1:${port}`;
	const cliLog = path.join(logDir, 'n8n-cli.log');

	/** `n8n <args>` to completion (own task-broker port, so it works beside a server). */
	async function cli(args, { check = true, brokerPort: cliBroker } = {}) {
		const cliEnv = { ...env, N8N_RUNNERS_BROKER_PORT: String(cliBroker ?? (await freePort())) };
		const runner = check ? runChecked : run;
		return runner(runtime.nodeBin, [runtime.n8nBin, ...args], { env: cliEnv, logFile: cliLog });
	}

	async function importCredentials(file) {
		await cli(['import:credentials', `--input=${file}`]);
	}

	/** Import every *.json workflow in `dir` (one process for all). */
	async function importWorkflows(dir) {
		await cli(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/** Activate ("publish" in n8n 2.x) before the server starts; a running server would not notice. */
	async function publish(id) {
		await cli(['publish:workflow', `--id=${id}`]);
	}

	/** `n8n execute --id` (Manual Trigger workflows); resolves { ok, run, stdout }. */
	async function execute(id) {
		const result = await cli(['execute', `--id=${id}`, '--rawOutput'], { check: false });
		let runDoc;
		try {
			runDoc = parseExecuteOutput(result.stdout);
		} catch (error) {
			throw new Error(`n8n execute --id=${id}: ${error.message}\n${tail(result.stdout + result.stderr)}`);
		}
		return { ok: result.code === 0 && runDoc.status !== 'error', run: runDoc, stdout: result.stdout };
	}

	/**
	 * `n8n start` (or another server command: `webhook`) in the background; resolves when
	 * /healthz/readiness answers 200 on this instance's port.
	 */
	async function start(name = 'n8n', command = 'start') {
		const proc = startProcess(name, runtime.nodeBin, [runtime.n8nBin, command], {
			env,
			logFile: path.join(logDir, `${name.replace(/\W+/g, '-')}.log`),
		});
		await waitFor(`${name} readiness`, 180000, async () => {
			if (proc.hasExited())
				throw new Error(`${name} exited; last log lines:\n${tail(fs.readFileSync(proc.logFile, 'utf8'))}`);
			const response = await fetch(`${baseUrl}/healthz/readiness`).catch(() => null);
			return response?.status === 200;
		});
		return proc;
	}

	/** `n8n worker` (queue mode); resolves once it logs that it is ready. */
	async function startWorker(name, { args = ['worker', '--concurrency=5'] } = {}) {
		const logFile = path.join(logDir, `${name.replace(/\W+/g, '-')}.log`);
		const workerEnv = { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		const proc = startProcess(name, runtime.nodeBin, [runtime.n8nBin, ...args], {
			env: workerEnv,
			logFile,
		});
		await waitFor(`${name} ready`, 180000, async () => {
			const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
			if (proc.hasExited()) throw new Error(`${name} exited; last log lines:\n${tail(text)}`);
			return /n8n worker is now ready/.test(text);
		});
		return proc;
	}

	return {
		env,
		baseUrl,
		port,
		userFolder,
		cli,
		importCredentials,
		importWorkflows,
		publish,
		execute,
		start,
		startWorker,
	};
}

/** n8n logs "Failed to load package" (and the cause on the next line) and carries on without it. */
function packageLoadError(logFile) {
	const match = fs.readFileSync(logFile, 'utf8').match(/Failed to load package[^\n]*\n[^\n]*/);
	return match ? match[0] : null;
}

/** `n8n execute --rawOutput` prints log lines, then JSON.stringify(run, null, 2), starting at a line "{". */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line === '{');
	if (start < 0) throw new Error('no JSON run in the output');
	for (let end = lines.length; end > start; end--) {
		try {
			return JSON.parse(lines.slice(start, end).join('\n'));
		} catch {}
	}
	throw new Error('could not parse the JSON run in the output');
}

function tail(text, count = 30) {
	return text.trim().split('\n').slice(-count).join('\n');
}

/** Poll `check` (truthy = done) every 200 ms until `timeoutMs`. */
async function waitFor(label, timeoutMs, check) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Output items (their .json) of a node, from an execute run or a public-API execution. */
function nodeItems(execution, nodeName, { runIndex, output = 0 } = {}) {
	const runData = execution?.data?.resultData?.runData ?? execution?.resultData?.runData;
	if (!runData) throw new Error('no resultData.runData in the execution');
	const runs = runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(runData).join(', ')}`);
	const nodeRun = runs[runIndex ?? runs.length - 1];
	if (nodeRun.error) throw new Error(`node "${nodeName}" failed: ${nodeRun.error.message}`);
	return (nodeRun.data?.main?.[output] ?? []).map((item) => item.json);
}

module.exports = { createInstance, freePort, waitFor, nodeItems, parseExecuteOutput, packageLoadError, ENCRYPTION_KEY };

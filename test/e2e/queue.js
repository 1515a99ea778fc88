'use strict';
// Queue mode: Redis + `n8n start` (main: HTTP, webhooks, enqueue) + two
// `n8n worker`s sharing the user folder (so they load the package), the
// SQLite DB and the encryption key. A waiting execution must resume on a worker.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { step } = require('../../scripts/lib/log');
const { REPO } = require('../../scripts/lib/package');
const { startEmulator } = require('../../scripts/lib/emulator');
const { prepare } = require('../../scripts/lib/environment');
const { startRedis } = require('../../scripts/lib/redis');
const { createClient } = require('../../scripts/lib/api');
const { waitFor, packageLoadError } = require('../../scripts/lib/n8n');
const { stopAll } = require('../../scripts/lib/processes');
const { startLimsReceiver } = require('./lims-receiver');
const { configureLimsExample, runLimsChain, WORKFLOWS } = require('./examples');

function countMatches(file, pattern) {
	return (fs.readFileSync(file, 'utf8').match(pattern) ?? []).length;
}

/** Which worker log mentions `Worker (started|finished) execution <id>`. */
function workersThatRan(workers, executionId, verb) {
	const pattern = new RegExp(`Worker ${verb} execution ${executionId}\\b`);
	return workers.filter((w) => pattern.test(fs.readFileSync(w.logFile, 'utf8'))).map((w) => w.name);
}

async function startQueueEnvironment(context) {
	const logDir = path.join(context.resultsDir, 'logs', 'queue');
	const emulator = await startEmulator({ port: 0, clock: 'fast', logFile: path.join(logDir, 'emulator.log') });
	const redis = await step('start redis', () => startRedis({ logFile: path.join(logDir, 'redis.log') }));
	const prepared = await prepare({
		workDir: path.join(context.workDir, 'queue'),
		logDir,
		skipBuild: context.skipBuild,
		emulatorUrl: emulator.url,
		workflowDirs: [path.join(REPO, 'examples'), path.join(__dirname, 'workflows')],
		n8nEnv: {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
		},
	});
	const main = await step('start n8n main (queue mode)', () => prepared.n8n.start('n8n main'));
	const workers = [];
	await step('start 2 n8n workers', async () => {
		for (const name of ['n8n worker 1', 'n8n worker 2']) workers.push(await prepared.n8n.startWorker(name));
	});
	const client = createClient(prepared.n8n.baseUrl);
	const owner = await client.ownerLogin();
	await client.createApiKey();
	return { ...prepared, emulator, redis, main, workers, client, owner };
}

module.exports = async function queue(context) {
	const { test } = context;
	let env;
	await test('queue: Redis, n8n main and two workers start with the package', async () => {
		env = await startQueueEnvironment(context);
		for (const proc of [env.main, ...env.workers]) {
			const loadError = packageLoadError(proc.logFile);
			assert.ok(!loadError, `${proc.name} could not load the package: ${loadError}`);
		}
	});
	if (!env) return;

	const lims = await startLimsReceiver();
	try {
		await test('queue: the LIMS intake chain runs on the workers; its waiting execution is resumed by the run callback on a worker', async () => {
			await configureLimsExample(env, lims);
			await env.client.activate(WORKFLOWS.lims);
			const { waiting, done, reply } = await runLimsChain(env, lims, 'QUEUE-1');
			assert.equal(reply.body.status, 'report_ready');
			assert.ok(workersThatRan(env.workers, waiting.id, 'started').length >= 1, 'a worker started the execution');
			// The resume is a second job for the same execution: started again, then finished, on a worker.
			await waitFor(
				'a worker to log the finished execution',
				20000,
				async () => workersThatRan(env.workers, done.id, 'finished').length > 0,
			);
			const starts = env.workers.map((w) =>
				countMatches(w.logFile, new RegExp(`Worker started execution ${done.id}\\b`, 'g')),
			);
			assert.ok(
				starts.reduce((a, b) => a + b, 0) >= 2,
				`the execution ran as two jobs (start + resume): ${starts.join(' + ')}`,
			);
		});
	} finally {
		await lims.stop();
		await stopAll();
	}
};

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
const { nodeItems, waitFor, packageLoadError } = require('../../scripts/lib/n8n');
const { stopAll } = require('../../scripts/lib/processes');

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

	try {
		await test('queue: webhook -> iFlow credential request -> Wait, resumed through its URL, finishes on a worker', async () => {
			await env.emulator.clearRequests();
			await env.client.activate('e2eQueueWait00001');
			await env.client.callWebhook('e2e-queue-wait', { from: 'e2e' });
			const waiting = await env.client.waitForExecution('e2eQueueWait00001', 'waiting', { timeoutMs: 60000 });
			assert.ok(workersThatRan(env.workers, waiting.id, 'started').length === 1, 'one worker started the execution');
			const before = (await env.emulator.requests()).find((r) => r.headers['x-e2e-resume-url']);
			assert.ok(before, 'the request before Wait reached the emulator');
			assert.equal(before.headers.authorization, 'Bearer <admin>');
			const resumeUrl = before.headers['x-e2e-resume-url'];
			assert.match(resumeUrl, new RegExp(`/webhook-waiting/${waiting.id}\\b`));

			const resumed = await env.client.request('POST', resumeUrl, { body: { answer: 42 } });
			assert.equal(resumed.status, 200);
			const done = await env.client.waitForExecution('e2eQueueWait00001', 'success', { timeoutMs: 60000, afterId: Number(waiting.id) - 1 });
			assert.equal(String(done.id), String(waiting.id), 'the same execution resumed');
			assert.ok(nodeItems(done, 'After wait').length >= 1, 'the node after Wait ran');
			const after = (await env.emulator.requests()).filter((r) => r.query?.e2e === '42');
			assert.equal(after.length, 1, 'the node after Wait called the emulator with the resume body');
			await waitFor('a worker to log the finished execution', 10000, async () => workersThatRan(env.workers, done.id, 'finished').length > 0);
		});
	} finally {
		await stopAll();
	}
};

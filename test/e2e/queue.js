'use strict';
// Queue mode on the production topology (scripts/lib/topology.js): PostgreSQL,
// Redis, one main, two workers and a webhook processor, each n8n process with
// its own user folder and the package installed into it.
//   - the LIMS intake comes in through the webhook processor, runs on a worker,
//     waits, and the run callback (also to the webhook processor) resumes it;
//   - a worker killed (SIGKILL) in the middle of an intake: n8n does not run it
//     again, marks it failed, and the error workflow reports the half-made order;
//   - iFlow Files in n8n's database binary mode: a file under the cap downloads
//     on a worker (RSS measured), one above it is refused before any transfer;
//   - the iFlow Trigger (polled by the main only) starts one execution per change.
// The trigger and the killed-worker checks wait on n8n's own timers (a poll a
// minute; a dead worker's job lock of 60 s), so they run alongside the others.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { log, step } = require('../../scripts/lib/log');
const { REPO } = require('../../scripts/lib/package');
const { startQueueEnvironment } = require('../../scripts/lib/queue-environment');
const { PROCESSES } = require('../../scripts/lib/topology');
const { waitFor, nodeItems, packageLoadError } = require('../../scripts/lib/n8n');
const { stopAll } = require('../../scripts/lib/processes');
const { startLimsReceiver } = require('./lims-receiver');
const { configureLimsExample, runLimsChain, intake, LIMS_AUTH, WORKFLOWS: EXAMPLES } = require('./examples');
const { flowClient } = require('./flow-client');

const WORKFLOWS = { ...EXAMPLES, limsFailed: 'iflowExLimsFailed', files: 'e2eQueueFiles001' };
const MIB = 1024 * 1024;
// n8n's database-mode cap, lowered from its 512 MiB default so the files stay small.
const BINARY_CAP_MIB = 64;
// Where the failure report's own LIMS settings point (not the intake's reply URL, not reply_to).
const FAILURE_REPORT_PATH = '/intake-failures';

/** Workers whose log says `Worker <verb> execution <id>`, with how often. */
function workersThatRan(env, executionId, verb = 'started') {
	const pattern = new RegExp(`Worker ${verb} execution ${executionId}\\b`, 'g');
	return env
		.workers()
		.map((w) => ({ name: w.name, proc: w, count: (fs.readFileSync(w.logFile, 'utf8').match(pattern) ?? []).length }))
		.filter((w) => w.count > 0);
}

/** RSS and peak RSS (VmHWM) of a process, in MiB, from /proc. */
function memory(pid) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
	return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** Reset a process's peak RSS (writing 5 to clear_refs); false where the kernel does not allow it. */
function resetPeak(pid) {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

/** Run `fn` while watching both workers' memory; returns per-worker { before, peak } in MiB. */
async function watchWorkers(env, fn) {
	const pids = env.workers().map((w) => ({ name: w.name, pid: w.childPid() }));
	const stats = pids.map(({ name, pid }) => {
		const reset = resetPeak(pid);
		const { rss } = memory(pid);
		return { name, pid, reset, before: rss, peak: rss };
	});
	const timer = setInterval(() => {
		for (const s of stats) s.peak = Math.max(s.peak, memory(s.pid).rss);
	}, 50);
	try {
		const result = await fn();
		for (const s of stats) {
			const m = memory(s.pid);
			s.peak = Math.max(s.peak, m.rss, s.reset ? m.peak : 0);
			s.after = m.rss;
		}
		return { result, stats };
	} finally {
		clearInterval(timer);
	}
}

const round = (n) => Math.round(n);

/** Put a file of `size` bytes into project A's bucket through a signed PUT, as a user would. */
async function putFile(flow, filePath, size) {
	const signed = await flow.call('POST', 'files', '/files/upload-url', {
		path: filePath,
		content_type: 'application/octet-stream',
	});
	const response = await fetch(signed.url, {
		method: 'PUT',
		headers: { 'content-type': 'application/octet-stream' },
		body: Buffer.alloc(size, 7),
	});
	if (!response.ok) throw new Error(`PUT ${filePath} -> ${response.status}: ${await response.text()}`);
}

/** POST to the files workflow; resolves its (finished) execution. */
async function downloadOnWorker(env, body) {
	const before = (await env.client.executions(WORKFLOWS.files, { limit: 1 }))[0];
	await env.client.callWebhook('queue-files', body, { expect: [200, 500], timeoutMs: 120000 });
	const found = await waitFor('the files execution to finish', 120000, async () => {
		const [last] = await env.client.executions(WORKFLOWS.files, { limit: 1 });
		return last && Number(last.id) > Number(before?.id ?? 0) && ['success', 'error'].includes(last.status)
			? last
			: undefined;
	});
	return env.client.execution(found.id);
}

function nodeError(execution, nodeName) {
	const runs = execution.data?.resultData?.runData?.[nodeName] ?? [];
	return runs[runs.length - 1]?.error;
}

/**
 * The iFlow Trigger example, active: the poll at activation only records where the project stands;
 * two failed runs and a succeeded one later, the next poll must start one execution (on a worker)
 * with both failed runs, and the poll after that none. Resolves { done } at once: `done` is the rest,
 * running in the background.
 */
async function triggerScenario(env) {
	const flow = flowClient(env.emulator.url);
	// Run Finished reads the documented run list (GET /compute/api/v1/runs) each poll.
	const runListPolls = async () =>
		(await env.emulator.requests()).filter(
			(r) => r.service === 'compute' && r.method === 'GET' && r.path === '/api/v1/runs',
		);
	const mark = Math.max(0, ...(await env.emulator.requests()).map((r) => r.seq));
	await env.client.activate(WORKFLOWS.alert);
	await waitFor('the poll at activation', 60000, async () => (await runListPolls()).some((r) => r.seq > mark));
	const failed = [await flow.submitRun('failed'), await flow.submitRun('failed')];
	await flow.submitRun('succeeded');
	const done = (async () => {
		try {
			const execution = await env.client.waitForExecution(WORKFLOWS.alert, 'success', { timeoutMs: 150000 });
			const lastSeq = Math.max(...(await env.emulator.requests()).map((r) => r.seq));
			await waitFor('the next scheduled poll', 90000, async () => (await runListPolls()).some((r) => r.seq > lastSeq));
			await new Promise((resolve) => setTimeout(resolve, 5000)); // let an unwanted execution show up
			return { failed, execution, all: await env.client.executions(WORKFLOWS.alert) };
		} finally {
			await env.client.deactivate(WORKFLOWS.alert);
		}
	})();
	done.catch(() => {}); // awaited by the last test; until then a failure must not count as unhandled
	return { done };
}

/**
 * An intake held up in "Add sample to order" (the emulator delays that call), the worker running
 * it killed with SIGKILL, a fresh worker started in its place. Resolves what the check needs.
 */
async function killWorkerMidIntake(env, lims) {
	const suffix = 'KILL-1';
	await env.emulator.control('POST', 'faults', {
		service: 'miner',
		method: 'POST',
		path: '/orders/[^/]+/samples/[^/]+$', // Add Sample: POST /orders/{id}/samples/{sample_id}
		delayMs: 45000,
		count: 1,
	});
	const before = (await env.client.executions(WORKFLOWS.lims, { limit: 1 }))[0];
	// an intake as the LIMS sends it, plus a reply_to the failure report must ignore
	await env.client.callWebhook('lims-intake', intake(suffix, lims), { headers: LIMS_AUTH });
	const held = await waitFor('the intake to reach "Add sample to order"', 60000, async () =>
		(await env.emulator.requests()).find((r) => r.method === 'POST' && /\/orders\/[^/]+\/samples\/[^/]+$/.test(r.path)),
	);
	const [execution] = (await env.client.executions(WORKFLOWS.lims, { limit: 5 })).filter(
		(e) => Number(e.id) > Number(before?.id ?? 0),
	);
	assert.ok(execution, 'the intake execution exists');
	const [runner] = await waitFor('the worker running it', 20000, async () => {
		const found = workersThatRan(env, execution.id);
		return found.length > 0 ? found : undefined;
	});
	const pid = runner.proc.childPid();
	assert.ok(pid, `the n8n process under ${runner.name}`);
	const killedAt = Date.now();
	process.kill(pid, 'SIGKILL');
	await runner.proc.exited;
	log(`killed ${runner.name} (pid ${pid}) while execution ${execution.id} waited on ${held.path}`);
	const spec = PROCESSES.find((p) => runner.name.startsWith(p.name));
	await step(`start a worker in place of ${runner.name}`, () => env.restartWorker(spec.name, `${spec.name}-restarted`));
	return { suffix, executionId: String(execution.id), killed: runner.name, killedAt };
}

module.exports = async function queue(context) {
	const { test } = context;
	const workDir = path.join(context.workDir, 'queue');
	let env;
	await test('queue: PostgreSQL, Redis, a main, two workers and a webhook processor start; each n8n process has the package in its own user folder', async () => {
		env = await startQueueEnvironment({
			workDir,
			logDir: path.join(context.resultsDir, 'logs', 'queue'),
			skipBuild: context.skipBuild,
			clock: 'fast',
			binaryDataMaxMiB: BINARY_CAP_MIB,
			workflowDirs: [path.join(REPO, 'examples'), path.join(__dirname, 'workflows')],
		});
		for (const spec of PROCESSES) {
			const manifest = path.join(
				workDir,
				spec.name,
				'.n8n',
				'nodes',
				'node_modules',
				'n8n-nodes-iflow',
				'package.json',
			);
			assert.ok(fs.existsSync(manifest), `${spec.name} has the package installed`);
		}
		for (const proc of [env.main, env.webhook, ...env.workers()]) {
			const loadError = packageLoadError(proc.logFile);
			assert.ok(!loadError, `${proc.name} could not load the package: ${loadError}`);
		}
		assert.doesNotMatch(fs.readFileSync(env.main.logFile, 'utf8'), /sqlite/i, 'the main runs on PostgreSQL');
	});
	if (!env) return;

	const lims = await startLimsReceiver();
	let trigger;
	let killed;
	try {
		await test('queue: LIMS intake through the webhook processor (with its header auth): runs on a worker, waits, the run callback to the webhook processor resumes it on a worker', async () => {
			await configureLimsExample(env, lims);
			// the failure report has its own LIMS URL: the kill test checks the report arrives there only
			await configureLimsExample(env, lims, { workflow: WORKFLOWS.limsFailed, path: FAILURE_REPORT_PATH });
			await env.client.activate(WORKFLOWS.lims);
			await env.client.activate(WORKFLOWS.limsFailed); // its error workflow: n8n 2.x runs only active ones
			const { waiting, done, run, reply } = await runLimsChain(env, lims, 'QUEUE-1');
			assert.equal(reply.body.status, 'report_ready');
			assert.ok(
				run.callback_url.startsWith(`${env.webhookUrl}/webhook-waiting/${waiting.id}?`),
				`the callback goes to the webhook processor (${env.webhookUrl})`,
			);
			const main = await env.client.request('POST', `${env.mainUrl}/webhook/lims-intake`, {
				body: {},
				headers: LIMS_AUTH,
				expect: null,
			});
			assert.equal(main.status, 404, 'the main serves no production webhooks');
			await waitFor(
				'a worker to finish the resumed execution',
				20000,
				async () => workersThatRan(env, done.id, 'finished').length > 0,
			);
			const starts = workersThatRan(env, done.id).reduce((sum, w) => sum + w.count, 0);
			assert.equal(starts, 2, 'the execution ran as two jobs on the workers: the start and the resume');
		});

		// Polls come a minute apart: start it now, check it at the end.
		trigger = await triggerScenario(env).catch((error) => {
			const done = Promise.reject(error);
			done.catch(() => {});
			return { done };
		});

		await test('queue: a worker killed (SIGKILL) in the middle of an intake; another worker takes its place', async () => {
			killed = await killWorkerMidIntake(env, lims);
		});

		await test(`queue: iFlow Files on a worker in database binary mode (cap ${BINARY_CAP_MIB} MiB): just under it downloads; above it, a clear refusal before any transfer (worker RSS measured)`, async () => {
			const flow = flowClient(env.emulator.url);
			await env.client.activate(WORKFLOWS.files);
			const under = (BINARY_CAP_MIB - 4) * MIB;
			const over = (BINARY_CAP_MIB + 8) * MIB;
			await putFile(flow, 'queue/under-cap.bin', under);
			await putFile(flow, 'queue/over-cap.bin', over);
			const report = (label, stats, execution) => {
				const ran = workersThatRan(env, execution.id).map((w) => w.name);
				const lines = stats.map(
					(s) =>
						`${s.name}${ran.includes(s.name) ? ' (ran it)' : ''}: ${round(s.before)} -> peak ${round(s.peak)} MiB (+${round(s.peak - s.before)})`,
				);
				log(`worker RSS, ${label}: ${lines.join('; ')}`);
				return stats.filter((s) => ran.includes(s.name));
			};

			const ok = await watchWorkers(env, () =>
				downloadOnWorker(env, { path: 'queue/under-cap.bin', limit_mib: BINARY_CAP_MIB }),
			);
			assert.equal(ok.result.status, 'success', JSON.stringify(nodeError(ok.result, 'Download') ?? {}).slice(0, 300));
			const [downloaded] = nodeItems(ok.result, 'Download');
			assert.equal(downloaded.size, under);
			const okRan = report(`${under / MIB} MiB download (under the cap)`, ok.stats, ok.result);
			assert.equal(okRan.length, 1, 'one worker ran it');

			// Without the node's check (limit raised to n8n's maximum) n8n itself reads the whole file, then refuses it.
			// (Next in line is the other worker: Redis serves waiting workers in turn, so each figure is a fresh heap.)
			const n8nOwn = await watchWorkers(env, () =>
				downloadOnWorker(env, { path: 'queue/over-cap.bin', limit_mib: 1024 }),
			);
			assert.equal(n8nOwn.result.status, 'error');
			const own = nodeError(n8nOwn.result, 'Download');
			assert.equal(own?.message, 'n8n could not keep the download of queue/over-cap.bin');
			log(`n8n's own refusal: ${own?.description}`);
			report(`${over / MIB} MiB read by n8n, then refused by n8n`, n8nOwn.stats, n8nOwn.result);

			const refused = await watchWorkers(env, () =>
				downloadOnWorker(env, { path: 'queue/over-cap.bin', limit_mib: BINARY_CAP_MIB }),
			);
			assert.equal(refused.result.status, 'error');
			const error = nodeError(refused.result, 'Download');
			assert.equal(
				error?.message,
				`queue/over-cap.bin is ${over / MIB} MiB: too large for n8n's database binary storage (limit ${BINARY_CAP_MIB} MiB); nothing was transferred`,
			);
			assert.match(error?.description ?? '', /Use 'Get Download Link' instead/);
			const [refusedBy] = report(`${over / MIB} MiB refused`, refused.stats, refused.result);
			assert.ok(refusedBy.peak - refusedBy.before < over / MIB / 2, 'the refusing worker did not take in the file');
		});

		await test('queue: the killed intake is not run again; n8n marks it failed, its error workflow tells the LIMS once which order is half-made', async () => {
			assert.ok(killed, 'a worker was killed');
			const { executionId } = killed;
			const seconds = () => Math.round((Date.now() - killed.killedAt) / 1000);
			const isReport = (r) => r.body?.status === 'intake_failed' && r.body?.order === `ORD-${killed.suffix}`;
			const report = await waitFor('the failure report at the LIMS', 240000, async () => lims.received.find(isReport));
			log(`failure report ${seconds()} s after the kill: ${JSON.stringify(report.body)}`);
			assert.equal(report.body.execution_id, executionId);
			assert.equal(report.path, FAILURE_REPORT_PATH, "the report went to the failure report's own LIMS URL");
			assert.equal(report.body.order_status, 'created', 'the order never reached analyzing');
			// First from the restarted worker's crash recovery (its event log: "crashed" at the node that ran),
			// or from the process that queued the job when the dead worker's lock ran out.
			assert.match(report.body.error, /Workflow did not finish|failed to be processed too many times/);

			// The queue gives up on the job once the dead worker's lock (60 s) has run out: that process
			// marks the execution failed and runs the error workflow (again).
			await waitFor('the queue to give up on the job', 240000, async () =>
				new RegExp(`Problem with execution ${executionId}: This execution failed to be processed too many times`).test(
					fs.readFileSync(env.webhook.logFile, 'utf8'),
				),
			);
			log(`the queue gave up on execution ${executionId} ${seconds()} s after the kill`);
			const recovered = /\[Recovery\] Logs available/.test(
				env
					.workers()
					.map((w) => fs.readFileSync(w.logFile, 'utf8'))
					.join('\n'),
			);
			const errorRuns = await waitFor('the error workflow runs to finish', 60000, async () => {
				const list = await env.client.executions(WORKFLOWS.limsFailed);
				return list.length >= (recovered ? 2 : 1) && list.every((e) => e.status === 'success') ? list : undefined;
			});
			log(`error workflow ran ${errorRuns.length} time(s) for execution ${executionId} (crash recovery: ${recovered})`);
			const execution = await env.client.execution(executionId);
			assert.equal(execution.status, 'error', `execution ${executionId} is marked failed`);
			const state = await env.emulator.state();
			const orders = state.orders.filter((o) => o.display_id === `ORD-${killed.suffix}`);
			assert.equal(orders.length, 1, 'one order: n8n did not run the intake again');
			assert.equal(state.runs.filter((r) => r.order_id === orders[0].id).length, 0, 'no run was submitted for it');
			const restarts = workersThatRan(env, killed.executionId);
			assert.equal(restarts.length, 0, 'no worker picked the killed execution up again');
			assert.equal(
				lims.received.filter((r) => r.body?.order === `ORD-${killed.suffix}`).length,
				1,
				'reported once (the order is marked reported), nothing else sent for it',
			);
			assert.equal(orders[0].properties.n8n_failure_reported, executionId);
			assert.equal(orders[0].properties.reply_to, undefined, "the intake body's reply_to is not kept on the order");
			assert.deepEqual(
				lims.received.filter((r) => r.path === '/stolen'),
				[],
				"nothing was ever sent to an intake's reply_to",
			);
		});

		await test('queue: iFlow Trigger with two workers: one execution per change (the main polls, a worker runs it), none again on the next poll', async () => {
			assert.ok(trigger, 'the trigger scenario started');
			const { failed, execution, all } = await trigger.done;
			const alerts = nodeItems(execution, 'Alert message');
			assert.deepEqual(alerts.map((a) => a.run_id).sort(), failed.map((r) => r.id).sort(), 'one item per failed run');
			assert.equal(all.length, 1, 'exactly one execution');
			assert.equal(workersThatRan(env, execution.id).length, 1, 'it ran on a worker');
		});
	} finally {
		await lims.stop();
		await stopAll();
	}
};

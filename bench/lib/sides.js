'use strict';
// How each side of a benchmark runs and is timed:
//  - n8n sides: a production webhook starts the workflow in the running n8n (regular mode); the
//    time comes from n8n's own execution record (startedAt → stoppedAt, or the sum of some nodes'
//    executionTime from runData); VmRSS of the n8n process is sampled during the call.
//  - raw sides: a plain Node script (the n8n runtime's Node 24) timing its own loop, or curl's
//    own %{time_total}. Neither includes process start-up.
const { spawn } = require('node:child_process');
const http = require('node:http');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { waitFor } = require('../../scripts/lib/n8n');
const { sampleRss } = require('./rss');

const MiB = 1024 * 1024;
const FINISHED = ['success', 'error', 'crashed', 'canceled'];

// The webhook answers when the workflow ends: a 2 GiB transfer can keep it silent for minutes.
const WEBHOOK_IDLE_MS = 30 * 60 * 1000;

/** POST JSON with node:http (fetch would give up on headers after 5 minutes). */
function postJson(url, body) {
	const data = Buffer.from(JSON.stringify(body));
	return new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{ method: 'POST', headers: { 'content-type': 'application/json', 'content-length': data.length } },
			(response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString() }));
				response.on('error', reject);
			},
		);
		request.setTimeout(WEBHOOK_IDLE_MS, () =>
			request.destroy(new Error(`no answer from ${new URL(url).pathname} in ${WEBHOOK_IDLE_MS / 60000} min`)),
		);
		request.on('error', reject);
		request.end(data);
	});
}

/** Signed URLs carry their signature in the query string: never show it. */
function redact(text) {
	return String(text).replace(/(https?:\/\/[^\s?"']+)\?[^\s"']*/g, '$1?<redacted>');
}

/** Output items of a node's first run in a (public API) execution. */
function runOf(execution, node) {
	const run = execution.data?.resultData?.runData?.[node]?.[0];
	if (!run) throw new Error(`node "${node}" did not run in execution ${execution.id}`);
	return run;
}

/**
 * Run a webhook workflow once. `timedNodes`: null = the execution (startedAt → stoppedAt), or
 * node names whose executionTime is summed (when the workflow also does setup work, e.g. reading
 * the source file from disk). Returns { seconds, rssMiB, callSeconds (the webhook call, wall
 * clock: a cross-check), execution }; the execution is deleted
 * from n8n afterwards (with its binary data) unless `keep`.
 */
async function runN8n(ctx, { workflowId, route, body, timedNodes = null, keep = false }) {
	const { client } = ctx.env;
	const [before] = await client.executions(workflowId, { limit: 1 });
	const url = `${ctx.env.n8n.baseUrl}/webhook/${route}`;
	const sampler = sampleRss(ctx.n8nPid);
	const called = performance.now();
	let response;
	let rss;
	try {
		response = await postJson(url, body);
		// Activation through the API takes effect asynchronously (~0.3 s): retry a 404 for a while.
		for (let retries = 0; response.status === 404 && retries < 50; retries++) {
			await new Promise((resolve) => setTimeout(resolve, 200));
			response = await postJson(url, body);
		}
	} finally {
		rss = sampler.stop();
	}
	const callSeconds = (performance.now() - called) / 1000;
	const found = await waitFor(`the execution of ${workflowId}`, 120000, async () => {
		const [latest] = await client.executions(workflowId, { limit: 1 });
		return latest && Number(latest.id) > Number(before?.id ?? 0) && FINISHED.includes(latest.status) && latest;
	});
	const execution = await client.execution(found.id);
	if (!keep) await client.api('DELETE', `/executions/${found.id}`);
	if (execution.status !== 'success' || response.status >= 300) {
		const error = execution.data?.resultData?.error;
		throw new Error(
			`${workflowId} (execution ${found.id}) ended ${execution.status}, webhook ${response.status}: ${redact(
				error?.message ?? response.text.slice(0, 300),
			)}${error?.description ? ` — ${redact(error.description)}` : ''}`,
		);
	}
	const seconds = timedNodes
		? timedNodes.reduce((sum, node) => sum + runOf(execution, node).executionTime, 0) / 1000
		: (Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt)) / 1000;
	return { seconds, rssMiB: rss.growth / MiB, callSeconds, execution };
}

/** Output items (json + binary) of a node in an execution. */
function outputItems(execution, node) {
	return runOf(execution, node).data?.main?.[0] ?? [];
}

/** Run a process to completion with its stdout collected; rejects on a non-zero exit. */
function runProcess(command, args, { label = path.basename(command) } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		const out = [];
		const err = [];
		child.stdout.on('data', (d) => out.push(d));
		child.stderr.on('data', (d) => err.push(d));
		child.on('error', reject);
		child.on('close', (code) => {
			const stdout = Buffer.concat(out).toString();
			const stderr = Buffer.concat(err).toString();
			if (code === 0) resolve({ stdout, stderr });
			else reject(new Error(`${label} exited with ${code}: ${redact(stderr.trim().slice(-500))}`));
		});
	});
}

/** A bench/raw/*.js script under the n8n runtime's Node; resolves its JSON result line. */
async function runRaw(ctx, script, config) {
	const { stdout } = await runProcess(
		ctx.runtime.nodeBin,
		[path.join(__dirname, '..', 'raw', script), JSON.stringify(config)],
		{
			label: `bench/raw/${script}`,
		},
	);
	return JSON.parse(stdout.trim().split('\n').pop());
}

/** curl, timed by its own %{time_total} (connection + transfer, no process start-up). */
async function curlSeconds(args) {
	const { stdout } = await runProcess('curl', ['-sS', '--fail', '-w', '%{time_total}', ...args], { label: 'curl' });
	return Number(stdout.trim().split('\n').pop());
}

module.exports = { runN8n, runRaw, curlSeconds, outputItems, postJson, redact, MiB };

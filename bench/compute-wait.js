#!/usr/bin/env node
// Benchmark: how many status requests (GET /runs/{id}) the compiled iFlow Compute node makes
// while it waits for a run, at the DEFAULT poll interval (15 s, ×1.25 per check, capped at 2 min),
// for runs lasting 10 and 120 minutes, and in callback mode ("Resume this execution", goal 0).
//
// Method (time-scaled, so it runs in about a minute): every duration is divided by --scale
// (default 200). The emulator runs on its REAL clock with the run's duration scaled down
// (__emulator_duration_ms, no queued phase); the node's Poll Interval and Max Wait are scaled by the
// same factor, so its real sleeps are short but the schedule of checks is the default one. The
// number of checks depends only on duration/interval, which the scaling keeps; HTTP round trips
// (a few ms) are not scaled, which can only lower the count slightly. Requests are counted in the
// emulator's request log. Baseline, measured in the same run against the same emulator: a plain
// fixed-interval poll loop at the official CLI's watcher interval (10 s, scaled the same way).
//
//   npm run build && node bench/compute-wait.js [--scale 200]
//
// Prints a table and writes bench/results/compute-wait-<time>.json.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { numberOption } = require('./lib/options');

const ROOT = path.resolve(__dirname, '..');
const SCALE = numberOption('scale', 200);
const DEFAULT_INTERVAL_S = 15; // the node's default Poll Interval
const CLI_INTERVAL_S = 10; // the official CLI's watcher
const DURATIONS_MIN = [10, 120];

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-bench-compute-'));
process.env.N8N_USER_FOLDER = workDir;
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

const dist = (file) => path.join(ROOT, 'dist', file);
if (!fs.existsSync(dist('nodes/IFlowCompute/IFlowCompute.node.js'))) {
	console.error('dist/ has no iFlow Compute node: run `npm run build` first.');
	process.exit(1);
}
const { IFlowCompute } = require(dist('nodes/IFlowCompute/IFlowCompute.node.js'));
const { IFlowApi } = require(dist('credentials/IFlowApi.credentials.js'));
const { configure, runNode } = require('../test/helpers/engine');
const { startEmulator } = require('../test/helpers/emulator');

configure({ credentialType: new IFlowApi() });
const node = new IFlowCompute();
const HEREDITARY_110 = '5c2e8f10-7d3b-4e61-9a2f-1b0c9d8e7f61';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const scaledMs = (minutes) => (minutes * 60_000) / SCALE;

async function submit(emu, minutes, extra = {}) {
	return await emu.api('compute', 'POST', '/runs', {
		body: { pipeline_id: HEREDITARY_110, params: { __emulator_duration_ms: scaledMs(minutes) }, ...extra },
	});
}
const statusChecks = async (emu, id) =>
	await emu.requests({ service: 'compute', method: 'GET', path: `/api/v1/runs/${id}` });

/** Emulated seconds between the run's end and the check that saw it. */
function lateness(run, checks) {
	const seen = Date.parse(checks[checks.length - 1].time);
	return ((seen - Date.parse(run.finished_at)) * SCALE) / 1000;
}

async function nodeWait(emu, minutes) {
	const run = await submit(emu, minutes);
	const result = await runNode({
		node,
		parameters: {
			resource: 'run',
			operation: 'waitForCompletion',
			runId: run.id,
			pollInterval: DEFAULT_INTERVAL_S / SCALE,
			maxWait: (minutes + 30) / SCALE,
		},
		credentials: emu.credentials(),
	});
	if (result.status !== 'success') throw new Error(`wait failed: ${result.error?.message}`);
	const checks = await statusChecks(emu, run.id);
	return { requests: checks.length, latenessS: lateness(result.output[0].json, checks) };
}

/** The baseline: GET the run every CLI_INTERVAL_S (scaled) until it is terminal. */
async function fixedPoll(emu, minutes) {
	const run = await submit(emu, minutes);
	let last;
	for (;;) {
		last = await emu.api('compute', 'GET', `/runs/${run.id}`);
		if (['succeeded', 'failed', 'cancelled'].includes(last.status)) break;
		await sleep((CLI_INTERVAL_S * 1000) / SCALE);
	}
	const checks = await statusChecks(emu, run.id);
	return { requests: checks.length, latenessS: lateness(last, checks) };
}

/** Callback mode: Submit with "Resume this execution"; nothing polls while the run goes on. */
async function callbackMode(emu, minutes) {
	const result = await runNode({
		node,
		parameters: {
			resource: 'run',
			operation: 'submit',
			pipeline: { __rl: true, mode: 'slug', value: 'hereditary-mock' },
			specifyParameters: 'json',
			parametersJson: JSON.stringify({ __emulator_duration_ms: scaledMs(minutes) }),
			callback: 'resume',
		},
		credentials: emu.credentials(),
	});
	const id = result.output[0].json.id;
	for (;;) {
		const state = await emu.control('GET', '/state');
		if (state.runs.find((r) => r.id === id)?.status === 'succeeded') break;
		await sleep(50);
	}
	return { requests: (await statusChecks(emu, id)).length, latenessS: null };
}

async function main() {
	const emu = await startEmulator({ clock: 'real', args: ['--queued-ms', '0'] });
	const rows = [];
	try {
		for (const minutes of DURATIONS_MIN) {
			const baseline = await fixedPoll(emu, minutes);
			const ours = await nodeWait(emu, minutes);
			rows.push({ run: `${minutes} min`, mode: `CLI-style fixed ${CLI_INTERVAL_S} s poll (baseline)`, ...baseline });
			rows.push({
				run: `${minutes} min`,
				mode: 'Wait for Completion, default interval',
				...ours,
				ratio: ours.requests / baseline.requests,
			});
		}
		for (const minutes of DURATIONS_MIN) {
			rows.push({
				run: `${minutes} min`,
				mode: 'Submit, callback "Resume this execution"',
				...(await callbackMode(emu, minutes)),
			});
		}
	} finally {
		await emu.stop();
	}
	console.log(
		`\nStatus requests while waiting (durations scaled 1/${SCALE}; lateness = emulated s from run end to the check that saw it)\n`,
	);
	console.log('| Run | Mode | Status requests | vs baseline | Lateness (s) |');
	console.log('|---|---|---:|---:|---:|');
	for (const r of rows) {
		const ratio = r.ratio === undefined ? '' : `${(r.ratio * 100).toFixed(0)} %`;
		const late = r.latenessS === null ? '–' : r.latenessS.toFixed(0);
		console.log(`| ${r.run} | ${r.mode} | ${r.requests} | ${ratio} | ${late} |`);
	}
	const out = path.join(__dirname, 'results', `compute-wait-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.writeFileSync(out, JSON.stringify({ scale: SCALE, node: process.version, rows }, null, 2));
	console.log(`\n${path.relative(ROOT, out)}`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);

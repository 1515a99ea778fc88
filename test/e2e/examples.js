'use strict';
// Every workflow in examples/ runs in the real n8n against the emulator:
// manual ones with `n8n execute`, the rest in server mode (production
// webhook, the run callback resuming a Wait, a schedule, the iFlow Compute Trigger).
const assert = require('node:assert/strict');
const { nodeItems, waitFor } = require('../../scripts/lib/n8n');
const { startLimsReceiver } = require('./lims-receiver');
const { flowClient } = require('./flow-client');
const { LIMS_WEBHOOK_HEADER, LIMS_WEBHOOK_TOKEN } = require('../../scripts/lib/credential');

const WORKFLOWS = {
	lims: 'iflowExLimsIntake',
	stuck: 'iflowExStuckOrders',
	alert: 'iflowExRunFailed',
	csv: 'iflowExCsvImport',
};

// The example webhook's Header Auth (the credential npm start and this suite import).
const LIMS_AUTH = { [LIMS_WEBHOOK_HEADER]: LIMS_WEBHOOK_TOKEN };

/**
 * An intake as a LIMS sends it. `reply_to` is what an attacker would add to steer the signed
 * report link elsewhere: the example must ignore it (the reply goes to the URL in LIMS settings).
 */
function intake(suffix, lims, runParams) {
	return {
		subject: { display_id: `SUB-${suffix}`, sex: 'female', date_of_birth: '1985-03-15' },
		sample: { display_id: `SAM-${suffix}`, sample_type: 'germline' },
		order: { display_id: `ORD-${suffix}`, priority: 'high', indication: 'Suspected BRCA1 variant' },
		reply_to: `${lims.url}/stolen`,
		...(runParams ? { run_params: runParams } : {}),
	};
}

async function setClock(env, mode) {
	await env.emulator.control('POST', 'clock', { mode });
}

/** `once`: the emulator sends each run callback exactly once, never retried; `retry`: the default. */
async function setCallbacks(env, mode) {
	await env.emulator.control('POST', 'callbacks/mode', { mode });
}

/**
 * Shorten the LIMS example's callback backstop for a test: the Wait node's time limit and Check
 * the run's poll interval. Returns a function that puts the workflow back as it was.
 */
async function tuneBackstop(env, { waitSeconds, pollSeconds }) {
	const original = await env.client.api('GET', `/workflows/${WORKFLOWS.lims}`);
	const put = (workflow) =>
		env.client.api('PUT', `/workflows/${WORKFLOWS.lims}`, {
			name: workflow.name,
			nodes: workflow.nodes,
			connections: workflow.connections,
			settings: { executionOrder: 'v1' },
		});
	const tuned = structuredClone(original);
	const wait = tuned.nodes.find((n) => n.name === 'Wait for the run');
	const check = tuned.nodes.find((n) => n.name === 'Check the run');
	if (waitSeconds !== undefined) Object.assign(wait.parameters, { resumeAmount: waitSeconds, resumeUnit: 'seconds' });
	if (pollSeconds !== undefined) check.parameters.pollInterval = pollSeconds;
	await put(tuned);
	return async () => await put(original);
}

/**
 * Point an example's LIMS settings at the stand-in LIMS, as a lab types its LIMS URL there
 * (the examples ship with it empty: no reply). `workflow`: the intake (default) or its failure
 * report, which has its own LIMS settings; `path`: where on the stand-in LIMS. Call before
 * activating the workflow.
 */
async function configureLimsExample(env, lims, { workflow = WORKFLOWS.lims, path = '/flow-callback' } = {}) {
	const current = await env.client.api('GET', `/workflows/${workflow}`);
	const settings = current.nodes.find((n) => n.name === 'LIMS settings');
	assert.ok(settings, `${workflow} has a LIMS settings node`);
	const reply = settings.parameters.assignments.assignments.find((a) => a.name === 'lims_reply_url');
	reply.value = `${lims.url}${path}`;
	await env.client.api('PUT', `/workflows/${workflow}`, {
		name: current.name,
		nodes: current.nodes,
		connections: current.connections,
		// the intake's errorWorkflow (its failure report) must survive the update
		settings: { executionOrder: 'v1', ...pick(current.settings, ['errorWorkflow']) },
	});
}

function pick(object, keys) {
	return Object.fromEntries(keys.filter((k) => object?.[k] !== undefined).map((k) => [k, object[k]]));
}

/** The run's callback_url as n8n shows it in the Submit run output: no signature. */
function assertResumeUrlHidden(execution) {
	const shown = JSON.stringify(nodeItems(execution, 'Submit run'));
	assert.doesNotMatch(shown, /signature=(?!<redacted>)/, 'the Submit run output does not show the resume signature');
}

/**
 * The LIMS chain through its production webhook (with its Header Auth), with the emulator clock
 * on manual: the run cannot finish until the test advances the clock, so the execution is
 * provably parked in `waiting` while the run is queued. `outcome` decides the run's fate through
 * the emulator's control API (the intake cannot: `__emulator_outcome` is not an allowed run
 * parameter). Returns { waiting, done, run, order, reply }.
 */
async function runLimsChain(env, lims, suffix, { runParams, outcome } = {}) {
	await setClock(env, 'manual');
	const before = (await env.client.executions(WORKFLOWS.lims, { limit: 1 }))[0];
	await env.client.callWebhook('lims-intake', intake(suffix, lims, runParams), { headers: LIMS_AUTH });
	const waiting = await env.client.waitForExecution(WORKFLOWS.lims, 'waiting', { afterId: before?.id ?? 0 });

	const state = await env.emulator.state();
	const order = state.orders.find((o) => o.display_id === `ORD-${suffix}`);
	assert.ok(order, 'the order was created');
	assert.equal(order.status, 'analyzing', 'the order was moved to analyzing');
	const run = state.runs.find((r) => r.order_id === order.id);
	assert.ok(run, 'a run was submitted for the order');
	assert.ok(
		['queued', 'running'].includes(run.status),
		`the run is still going while n8n waits (status ${run.status})`,
	);
	assert.match(
		run.callback_url,
		new RegExp(`/webhook-waiting/${waiting.id}\\?signature=`),
		"the callback is this execution's resume URL",
	);
	if (outcome) {
		await env.emulator.control('POST', `runs/${run.id}/outcome`, {
			outcome,
			error_message: 'Simulated pipeline failure',
			immediate: false,
		});
	}

	await env.emulator.clearRequests();
	const received = lims.received.length;
	await env.emulator.control('POST', 'clock/advance', { ms: 60 * 60 * 1000 }); // the run ends, the emulator calls back
	const done = await env.client.waitForExecution(WORKFLOWS.lims, 'success', { afterId: Number(waiting.id) - 1 });
	assert.equal(String(done.id), String(waiting.id), 'the same execution resumed');
	await lims.next(received + 1);
	assertResumeUrlHidden(done);

	const reads = (await env.emulator.requests()).filter(
		(r) => r.service === 'compute' && r.method === 'GET' && r.path === `/api/v1/runs/${run.id}`,
	);
	assert.equal(reads.length, 1, 'n8n read the run once, after the callback (Check the run), and never polled it');
	assert.deepEqual(
		lims.received.slice(received).map((r) => r.path),
		['/flow-callback'],
		'the reply went to the configured LIMS URL only, not to reply_to from the intake',
	);
	await setClock(env, 'fast');
	return { waiting, done, run, order, reply: lims.received[received] };
}

module.exports = async function examples({ test, env }) {
	const flow = flowClient(env.emulator.url);

	await test('examples: bulk sample import from CSV (n8n execute): good rows created, bad rows reported', async () => {
		await env.emulator.reset();
		const { ok, run } = await env.n8n.execute(WORKFLOWS.csv);
		assert.ok(ok, `execution succeeded: ${JSON.stringify(run.data?.resultData?.error ?? {}).slice(0, 300)}`);
		assert.deepEqual(nodeItems(run, 'Created')[0].created, ['SAM-CSV-01', 'SAM-CSV-02', 'SAM-CSV-03']);
		const rejected = nodeItems(run, 'Rejected')[0].rejected;
		const reason = (sample, subject) =>
			rejected.find((r) => (r.row.sample ?? '') === sample && r.row.subject === subject)?.error;
		assert.match(reason('SAM-CSV-04', 'SUB-CSV-02') ?? '', /Sample Type/, 'unknown sample type reported');
		assert.match(reason('', 'SUB-CSV-03') ?? '', /Display ID/, 'missing sample ID reported');
		assert.match(
			reason('SAM-CSV-01', 'SUB-CSV-03') ?? 'not in the error output',
			/already exists|conflict/i,
			'the duplicate (409 from iFlow) reaches the error output of Create sample',
		);
		assert.equal(rejected.length, 3);
		const posts = (await env.emulator.requests()).filter((r) => r.method === 'POST' && r.path === '/api/v1/samples');
		assert.equal(posts.length, 4, 'three samples created plus the duplicate attempt; bad input sent nothing');
		assert.ok(!posts.some((r) => r.body?.sample_type === 'saliva'));
	});

	const lims = await startLimsReceiver();
	try {
		await test('examples: LIMS intake to report: webhook -> ... -> Submit Run (resume) -> Wait parked, resumed by the run callback, no polling', async () => {
			await env.emulator.reset();
			await configureLimsExample(env, lims);
			await env.client.activate(WORKFLOWS.lims);
			const { reply, run, order } = await runLimsChain(env, lims, 'E2E-1', {
				// Only allow-listed, plain values reach the pipeline; case_id comes from the subject.
				runParams: {
					panel: 'brca',
					case_id: 'SOMEONE-ELSE',
					child_fastq: 'gs://another-lab/private/R1.fastq.gz',
					__emulator_outcome: 'failed',
					genome_build: { nested: true },
				},
			});
			assert.deepEqual(run.params, { panel: 'brca', case_id: 'SUB-E2E-1' }, 'only allow-listed run parameters');
			assert.equal(reply.body.status, 'report_ready');
			assert.equal(reply.body.order, 'ORD-E2E-1');
			assert.equal(reply.body.run_id, run.id);
			assert.match(reply.body.report_url, /\/_signed\/bgl-hereditary-2026\/analyses\/run-[0-9a-f]+\/report\.html\?/);
			const links = (await env.emulator.state()).order_samples.filter((l) => l.order_id === order.id);
			assert.equal(links.length, 1, 'the sample is on the order');
			assert.equal(links[0].role, 'proband');
		});

		await test('examples: LIMS intake to report: an intake without the webhook header is refused, nothing is created', async () => {
			const before = (await env.client.executions(WORKFLOWS.lims, { limit: 1 }))[0];
			for (const headers of [{}, { [LIMS_WEBHOOK_HEADER]: 'wrong-token' }]) {
				await env.client.callWebhook('lims-intake', intake('E2E-NOAUTH', lims), { headers, expect: [403] });
			}
			const state = await env.emulator.state();
			assert.ok(!state.orders.some((o) => o.display_id === 'ORD-E2E-NOAUTH'), 'no order was created');
			const after = (await env.client.executions(WORKFLOWS.lims, { limit: 1 }))[0];
			assert.equal(after?.id, before?.id, 'no execution was started');
		});

		await test('examples: LIMS intake to report: a failed run is reported to the LIMS', async () => {
			const { reply } = await runLimsChain(env, lims, 'E2E-2', { outcome: 'failed' });
			assert.equal(reply.body.status, 'run_failed');
			assert.equal(reply.body.error, 'Simulated pipeline failure', 'the error message is passed on');
		});

		await test('examples: LIMS intake to report: a forged callback claiming success does not produce a report', async () => {
			await setClock(env, 'manual');
			// Check the run waits for iFlow's own status: polled every second here (a running
			// execution keeps the workflow it started with, so this comes before the intake).
			const restore = await tuneBackstop(env, { pollSeconds: 1 });
			const before = (await env.client.executions(WORKFLOWS.lims, { limit: 1 }))[0];
			const received = lims.received.length;
			await env.client.callWebhook('lims-intake', intake('E2E-3', lims), { headers: LIMS_AUTH });
			const waiting = await env.client.waitForExecution(WORKFLOWS.lims, 'waiting', { afterId: before?.id ?? 0 });
			const state = await env.emulator.state();
			const order = state.orders.find((o) => o.display_id === 'ORD-E2E-3');
			const run = state.runs.find((r) => r.order_id === order.id);
			// Someone who learned the resume URL posts a "succeeded" body while the run still runs.
			const forged = await fetch(run.callback_url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ run_id: run.id, status: 'succeeded', event: 'run.succeeded' }),
			});
			assert.ok(forged.ok, `the resume URL accepted the forged body (${forged.status})`);
			try {
				// The run then really fails.
				await env.emulator.control('POST', `runs/${run.id}/outcome`, {
					outcome: 'failed',
					error_message: 'Real failure',
				});
				const done = await env.client.waitForExecution(WORKFLOWS.lims, 'success', { afterId: Number(waiting.id) - 1 });
				assert.equal(String(done.id), String(waiting.id));
				await lims.next(received + 1);
			} finally {
				await restore();
			}
			const reply = lims.received[received];
			assert.equal(reply.body.status, 'run_failed', 'the workflow branched on the run as iFlow has it');
			assert.equal(reply.body.report_url, undefined, 'no report link');
			await setClock(env, 'fast');
			await env.client.deactivate(WORKFLOWS.lims);
		});

		await test('examples: LIMS intake to report: one-shot callbacks (never retried): a run that ends after the execution parks resumes it with its only callback', async () => {
			await setCallbacks(env, 'once');
			try {
				await env.emulator.reset();
				await env.client.activate(WORKFLOWS.lims);
				const { reply, run } = await runLimsChain(env, lims, 'E2E-4');
				assert.equal(reply.body.status, 'report_ready');
				const deliveries = (await env.emulator.control('GET', 'callbacks')).filter((d) => d.run_id === run.id);
				assert.deepEqual(
					deliveries.map((d) => d.attempt),
					[1],
					'one callback, sent once',
				);
			} finally {
				await setCallbacks(env, 'retry');
				await env.client.deactivate(WORKFLOWS.lims);
			}
		});

		await test("examples: LIMS intake to report: one-shot callbacks: a run that ends before the execution parks (its callback refused, never sent again) is picked up by the Wait node's time limit and Check the run", async () => {
			await setCallbacks(env, 'once');
			const restore = await tuneBackstop(env, { waitSeconds: 2, pollSeconds: 1 });
			try {
				await env.emulator.reset();
				await env.client.activate(WORKFLOWS.lims);
				await setClock(env, 'fast'); // the run ends as soon as it is submitted
				// iFlow stores the run, then answers 3 s late: the run ends and calls back while
				// Submit run still waits for that answer, before the Wait node has parked.
				await env.emulator.control('POST', 'faults', {
					service: 'compute',
					method: 'POST',
					path: '^/api/v1/runs$',
					afterCommit: true,
					delayMs: 3000,
					count: 1,
				});
				const before = (await env.client.executions(WORKFLOWS.lims, { limit: 1 }))[0];
				const received = lims.received.length;
				await env.client.callWebhook('lims-intake', intake('E2E-5', lims), { headers: LIMS_AUTH });
				// The Wait node's 2 s limit ends the wait (n8n checks due waits about once a minute).
				const done = await env.client.waitForExecution(WORKFLOWS.lims, 'success', {
					afterId: before?.id ?? 0,
					timeoutMs: 150000,
				});
				await lims.next(received + 1);
				const reply = lims.received[received];
				assert.equal(reply.body.status, 'report_ready', 'the run is reported although its callback was lost');
				const state = await env.emulator.state();
				const run = state.runs.find((r) => r.id === reply.body.run_id);
				assert.equal(run.status, 'succeeded');
				const deliveries = (await env.emulator.control('GET', 'callbacks')).filter((d) => d.run_id === run.id);
				assert.equal(deliveries.length, 1, 'the callback was sent once');
				assert.ok(
					!(deliveries[0].status >= 200 && deliveries[0].status < 300),
					`n8n refused the early callback (${deliveries[0].status})`,
				);
				assert.equal(nodeItems(done, 'Check the run')[0].status, 'succeeded');
			} finally {
				await restore();
				await setCallbacks(env, 'retry');
				await env.emulator.control('DELETE', 'faults');
				await env.client.deactivate(WORKFLOWS.lims);
			}
		});
	} finally {
		await lims.stop();
	}

	await test('examples: nightly stuck orders (Schedule Trigger, active workflow): only the order unchanged for days', async () => {
		await env.emulator.reset();
		const old = await flow.createOrderInAnalyzing('ORD-STUCK-OLD');
		await flow.createOrderInAnalyzing('ORD-STUCK-NEW');
		const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3600 * 1000).toISOString();
		await env.emulator.control('POST', 'seed', { orders: [{ id: old.id, updated_at: tenDaysAgo }] });
		// Same workflow, but every 5 seconds instead of nightly, so the test sees it fire.
		const workflow = await env.client.api('GET', `/workflows/${WORKFLOWS.stuck}`);
		const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger');
		trigger.parameters.rule = { interval: [{ field: 'seconds', secondsInterval: 5 }] };
		await env.client.api('PUT', `/workflows/${WORKFLOWS.stuck}`, {
			name: workflow.name,
			nodes: workflow.nodes,
			connections: workflow.connections,
			settings: { executionOrder: 'v1' },
		});
		await env.client.activate(WORKFLOWS.stuck);
		try {
			const execution = await env.client.waitForExecution(WORKFLOWS.stuck, 'success', { timeoutMs: 60000 });
			const [summary] = nodeItems(execution, 'Summary');
			assert.equal(summary.count, 1);
			assert.match(summary.text, /ORD-STUCK-OLD/);
			assert.doesNotMatch(summary.text, /ORD-STUCK-NEW/);
		} finally {
			await env.client.deactivate(WORKFLOWS.stuck);
		}
	});

	await test('examples: run failure alert (iFlow Compute Trigger, active workflow): one execution per failed run, none again', async () => {
		await env.emulator.reset();
		await env.emulator.clearRequests();
		// Run Finished reads the documented run list (GET /compute/api/v1/runs) each poll.
		const runListPolls = async () =>
			(await env.emulator.requests()).filter(
				(r) => r.service === 'compute' && r.method === 'GET' && r.path === '/api/v1/runs',
			);
		await env.client.activate(WORKFLOWS.alert);
		try {
			// The poll at activation only records where the project stands.
			await waitFor('the first poll at activation', 60000, async () => (await runListPolls()).length > 0);
			const failed = [await flow.submitRun('failed'), await flow.submitRun('failed')];
			await flow.submitRun('succeeded');
			const execution = await env.client.waitForExecution(WORKFLOWS.alert, 'success', { timeoutMs: 90000 });
			const alerts = nodeItems(execution, 'Alert message');
			assert.deepEqual(
				alerts.map((a) => a.run_id).sort(),
				failed.map((r) => r.id).sort(),
				'one item per failed run, the succeeded one left out',
			);
			for (const alert of alerts)
				assert.match(alert.text, /^Run hereditary-mock-\S+ \(hereditary-mock\) failed at .+: .+/);

			// The next scheduled poll must not fire for the same runs again.
			const lastSeq = Math.max(...(await env.emulator.requests()).map((r) => r.seq));
			await waitFor('the next scheduled poll', 90000, async () => (await runListPolls()).some((r) => r.seq > lastSeq));
			await new Promise((resolve) => setTimeout(resolve, 3000)); // let an (unwanted) execution appear
			const all = await env.client.executions(WORKFLOWS.alert);
			assert.equal(all.length, 1, 'still exactly one execution');
		} finally {
			await env.client.deactivate(WORKFLOWS.alert);
		}
	});
};

module.exports.runLimsChain = runLimsChain;
module.exports.configureLimsExample = configureLimsExample;
module.exports.intake = intake;
module.exports.LIMS_AUTH = LIMS_AUTH;
module.exports.WORKFLOWS = WORKFLOWS;

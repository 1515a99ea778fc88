// Security: a run's callback_url is often n8n's resume URL with ?signature=…; whoever reads it can
// resume the waiting execution with forged run results. Outputs are readable by every project
// member (viewers included), so every output that carries a run shows the URL without its query.
// Simplify leaves callback_url out; these tests read the raw records (Simplify off), where it is.
import { WAIT_INDEFINITELY } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { IFlowCompute } from '../../../../nodes/IFlowCompute/IFlowCompute.node';
import { allText, runNode } from '../../../helpers/engine';
import { byProfile } from '../../profile';
import { byId, bySlug, createOrder, run, RUN_TIME, submitRun, useEmulator } from '../fixtures';

const emulator = useEmulator();
const SIGNATURE = '5e1f2a9c0b7d4e3f8a6b1c2d3e4f5a6b';
// Port 9 refuses at once: the emulator's callback attempt fails fast, which is all we need.
const RESUME_URL = `http://127.0.0.1:9/webhook-waiting/123?signature=${SIGNATURE}`;
const REDACTED = 'http://127.0.0.1:9/webhook-waiting/123?signature=<redacted>';

async function runWithResumeUrl(emu: ReturnType<typeof emulator>, finish = false, orderName = 'ORD-CB') {
	const order = await createOrder(emu, orderName);
	const created = await submitRun(emu, { order_id: order.id, callback_url: RESUME_URL });
	if (finish) await emu.advance(RUN_TIME);
	await emu.clearRequests();
	return { order, runId: String(created.id) };
}

// A run's callback_url is x-inferred: a server without it sends no URL, so nothing to hide.
const expectRedacted = (json: IDataObject) => {
	expect(json.callback_url).toBe(byProfile({ full: REDACTED, documented: undefined }));
	expect(allText(json)).not.toContain(SIGNATURE);
};

/** Submit, then what n8n's Wait node does ("On Webhook Call"): the execution waits. */
class SubmitThenWebhookWait extends IFlowCompute {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output = await IFlowCompute.prototype.execute.call(this);
		await this.putExecutionToWait(new Date(WAIT_INDEFINITELY));
		return output;
	}
}

describe('Compute: the callback URL signature never reaches an output', () => {
	test('Submit with "Resume this execution": iFlow gets the signed resume URL, the output does not', async () => {
		const emu = emulator();
		const result = await runNode({
			node: new SubmitThenWebhookWait(),
			parameters: {
				resource: 'run',
				operation: 'submit',
				pipeline: bySlug('hereditary-mock'),
				callback: 'resume',
				simplify: false,
			},
			credentials: emu.credentials(),
			executionId: 'exec-91',
		});
		expect(result.status).toBe('waiting');
		const [post] = await emu.requests({ service: 'compute', method: 'POST', path: '/api/v1/runs' });
		const sent = String(post.body.callback_url);
		// 2.x signs the resume URL (?signature=…); 1.x sends it bare, and then there is nothing to hide.
		expect(sent).toMatch(/^http:\/\/127\.0\.0\.1:5678\/webhook-waiting\/exec-91(\?signature=[0-9a-f]+)?$/);
		const shown = sent.replace(/signature=[0-9a-f]+/, 'signature=<redacted>');
		expect(result.output[0].json.callback_url).toBe(byProfile({ full: shown, documented: undefined }));
		const signature = /signature=([0-9a-f]+)/.exec(sent)?.[1];
		if (signature) expect(allText(result.run.data.resultData.runData)).not.toContain(signature);
	});

	test('Submit with a Custom URL: iFlow gets the whole URL, the output shows it without its query', async () => {
		const emu = emulator();
		const result = await run(emu, {
			resource: 'run',
			operation: 'submit',
			pipeline: bySlug('hereditary-mock'),
			callback: 'url',
			callbackUrl: 'https://lims.example.org/flow-callback?token=lims-secret-1',
			simplify: false,
		});
		const shown = 'https://lims.example.org/flow-callback?token=<redacted>';
		expect(result.output[0].json.callback_url).toBe(byProfile({ full: shown, documented: undefined }));
		expect(allText(result.output)).not.toContain('lims-secret-1');
		const [post] = await emu.requests({ service: 'compute', method: 'POST', path: '/api/v1/runs' });
		expect(post.body.callback_url).toBe('https://lims.example.org/flow-callback?token=lims-secret-1');
	});

	test('Run › Get', async () => {
		const emu = emulator();
		const { runId } = await runWithResumeUrl(emu);
		const result = await run(emu, { resource: 'run', operation: 'get', runId, simplify: false });
		expectRedacted(result.output[0].json);
	});

	test('Run › Get Many and Get Runs of Order', async () => {
		const emu = emulator();
		const { order } = await runWithResumeUrl(emu);
		const many = await run(emu, {
			resource: 'run',
			operation: 'getMany',
			returnAll: true,
			filters: {},
			simplify: false,
		});
		expect(many.output).toHaveLength(1);
		expectRedacted(many.output[0].json);
		const ofOrder = await run(emu, {
			resource: 'run',
			operation: 'getRunsOfOrder',
			order: byId(String(order.id)),
			simplify: false,
		});
		expectRedacted(ofOrder.output[0].json);
	});

	test('Run › Get Latest Successful, Wait for Completion and Cancel', async () => {
		const emu = emulator();
		const { order, runId } = await runWithResumeUrl(emu, true);
		const latest = await run(emu, {
			resource: 'run',
			operation: 'getLatestSuccessful',
			order: byId(String(order.id)),
			simplify: false,
		});
		expectRedacted(latest.output[0].json);
		const waited = await run(emu, { resource: 'run', operation: 'waitForCompletion', runId, simplify: false });
		expectRedacted(waited.output[0].json);

		const pending = await runWithResumeUrl(emu, false, 'ORD-CB-2');
		const cancelled = await run(emu, {
			resource: 'run',
			operation: 'cancel',
			runId: pending.runId,
			simplify: false,
		});
		expect(allText(cancelled.output)).not.toContain(SIGNATURE);
	});

	test('API Request on the compute service', async () => {
		const emu = emulator();
		const { runId } = await runWithResumeUrl(emu);
		const result = await run(emu, {
			resource: 'apiRequest',
			operation: 'send',
			method: 'GET',
			path: { __rl: true, mode: 'path', value: `/runs/${runId}` },
		});
		expectRedacted(result.output[0].json);
	});
});

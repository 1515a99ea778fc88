import { WAIT_INDEFINITELY } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { IFlowCompute } from '../../../../nodes/IFlowCompute/IFlowCompute.node';
import { allText, runNode } from '../../../helpers/engine';
import { PROJECT_A, TOKENS } from '../../../helpers/emulator';
import { startReceiver } from '../../../helpers/receiver';
import {
	byId,
	bySlug,
	createOrder,
	HEREDITARY_100,
	HEREDITARY_110,
	finishWhileWaiting,
	RUN_TIME,
	run,
	untilSubmitted,
	useEmulator,
} from '../fixtures';
import { operationParams } from '../../../helpers/suite';

const emulator = useEmulator();
const submit = operationParams('run', 'submit', {
	pipeline: bySlug('hereditary-mock'),
});
const posts = async (emu: ReturnType<typeof emulator>) =>
	await emu.requests({ service: 'compute', method: 'POST', path: '/api/v1/runs' });

/**
 * Our Submit followed by what n8n's Wait node does in "On Webhook Call" mode (put the execution
 * to wait). n8n-nodes-base is not installed here; the real resume is covered by the e2e suite.
 */
class SubmitThenWebhookWait extends IFlowCompute {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output = await IFlowCompute.prototype.execute.call(this);
		await this.putExecutionToWait(new Date(WAIT_INDEFINITELY));
		return output;
	}
}

describe('Compute › Run › Submit', () => {
	test('resolves the slug+version to the pipeline id and sends params, order, tags, profile and callback', async () => {
		const emu = emulator();
		const order = await createOrder(emu, 'ORD-1');
		await emu.clearRequests();
		const result = await run(
			emu,
			submit({
				version: '1.0.0',
				parameters: {
					parameter: [
						{ name: 'case_id', value: 'patient-001' },
						{ name: 'child_fastq', value: 'gs://bgl-hereditary-2026/data/R1.fastq.gz' },
						{ name: 'child_fastq', value: 'gs://bgl-hereditary-2026/data/R2.fastq.gz' },
					],
				},
				order: byId(String(order.id)),
				callback: 'url',
				callbackUrl: 'https://lims.example.org/flow-callback',
				options: { profile: 'gcp', tags: 'lis, urgent' },
			}),
			{ executionId: 'exec-42' },
		);
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ status: 'queued', pipeline_id: HEREDITARY_100 });

		const [lookup] = await emu.requests({ service: 'compute', method: 'GET' });
		expect(lookup.path).toBe('/api/v1/pipelines/slug/hereditary-mock');
		expect(lookup.query).toEqual({ version: '1.0.0' });
		const [post] = await posts(emu);
		expect(post.headers['x-project-id']).toBe(PROJECT_A);
		expect(post.body).toEqual({
			pipeline_id: HEREDITARY_100,
			params: {
				case_id: 'patient-001',
				child_fastq: ['gs://bgl-hereditary-2026/data/R1.fastq.gz', 'gs://bgl-hereditary-2026/data/R2.fastq.gz'],
			},
			tags: [
				'lis',
				'urgent',
				'n8n-workflow:wf-harness',
				'n8n-execution:exec-42',
				// The submission's natural key: execution, node, item, and a random part.
				expect.stringMatching(/^n8n-submit:exec-42:[\w-]{1,8}:0:[A-Za-z0-9]{8}$/),
			],
			order_id: order.id,
			profile: 'gcp',
			callback_url: 'https://lims.example.org/flow-callback',
		});
	});

	test('latest version, JSON params, no execution tags when switched off', async () => {
		const emu = emulator();
		const result = await run(
			emu,
			submit({
				specifyParameters: 'json',
				parametersJson: '{"case_id": "P-2", "min_depth": 20, "panels": ["brca"]}',
				options: { stampExecution: false },
			}),
		);
		expect(result.output[0].json.pipeline_id).toBe(HEREDITARY_110);
		const [post] = await posts(emu);
		expect(post.body).toEqual({
			pipeline_id: HEREDITARY_110,
			params: { case_id: 'P-2', min_depth: 20, panels: ['brca'] },
			tags: [],
		});
	});

	test('"Resume this execution" sends the resume URL and the execution then waits', async () => {
		const emu = emulator();
		const result = await runNode({
			node: new SubmitThenWebhookWait(),
			parameters: submit({ callback: 'resume' }),
			credentials: emu.credentials(),
			executionId: 'exec-77',
		});
		expect(result.status).toBe('waiting');
		expect(result.run.waitTill).toBeDefined();
		const [post] = await posts(emu);
		// 2.x adds the execution's resume token as ?signature=…; 1.x sends the bare URL.
		expect(String(post.body.callback_url)).toMatch(
			/^http:\/\/127\.0\.0\.1:5678\/webhook-waiting\/exec-77(\?signature=[0-9a-f]+)?$/,
		);
		expect(post.body.tags).toContain('n8n-execution:exec-77');
	});

	test("the emulator's callback reaches a receiver at a resume-style URL when the run ends", async () => {
		const emu = emulator();
		const receiver = await startReceiver();
		try {
			const url = `${receiver.url}/webhook-waiting/exec-88`;
			const result = await run(emu, submit({ callback: 'url', callbackUrl: url }), { executionId: 'exec-88' });
			const runId = String(result.output[0].json.id);
			await emu.advance(RUN_TIME);
			const [callback] = await receiver.waitFor(1);
			expect(callback).toMatchObject({ method: 'POST', path: '/webhook-waiting/exec-88' });
			expect(callback.headers['x-flow-event']).toBe('run.succeeded');
			expect(callback.body).toMatchObject({
				run_id: runId,
				status: 'succeeded',
				tags: ['n8n-workflow:wf-harness', 'n8n-execution:exec-88', expect.stringMatching(/^n8n-submit:exec-88:/)],
			});
		} finally {
			await receiver.close();
		}
	});

	test('Wait for Completion on Submit outputs the finished run with its outputs', async () => {
		const emu = emulator();
		const driver = finishWhileWaiting(emu);
		const result = await run(emu, submit({ waitForCompletion: true, pollInterval: 0.05 }), { onStart: driver.onStart });
		await driver.finished();
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toMatchObject({ status: 'succeeded', pipeline_id: HEREDITARY_110 });
		expect((result.output[0].json.outputs as IDataObject[]).length).toBe(4);
	});

	test('Wait for Completion on Submit fails when the run fails', async () => {
		const emu = emulator();
		let driver: Promise<void> | undefined;
		const result = await run(
			emu,
			submit({
				specifyParameters: 'json',
				parametersJson: '{"__emulator_outcome": "failed"}',
				waitForCompletion: true,
				pollInterval: 0.05,
			}),
			{ onStart: () => (driver = untilSubmitted(emu).then(() => emu.advance(RUN_TIME))) },
		);
		await driver;
		expect(result.error?.message).toMatch(/^Run [0-9a-f-]{36} failed: Workflow hereditary-mock failed/);
	});

	test('without the execution tags (no natural key) a reset POST /runs is not retried, and the error says what to check', async () => {
		const emu = emulator();
		const order = await createOrder(emu, 'ORD-9');
		await emu.fault({ service: 'compute', method: 'POST', path: '^/api/v1/runs$', reset: true, count: 1 });
		const result = await run(emu, submit({ order: byId(String(order.id)), options: { stampExecution: false } }), {
			executionId: 'exec-reset',
		});
		expect(result.status).toBe('error');
		expect(await posts(emu)).toHaveLength(1);
		expect(result.error?.description).toMatch(/NOT submitted again/);
		expect(result.error?.description).toContain(`the runs of order ${String(order.id)}`);
		expect(result.error?.description).not.toContain('tagged');
	});

	test('API errors: unknown slug or version (404), viewer (403); Continue On Fail', async () => {
		const emu = emulator();
		const unknown = await run(emu, submit({ pipeline: bySlug('no-such-pipeline') }));
		expect(unknown.error?.message).toBe('Not found: Pipeline no-such-pipeline not found');
		const viewer = await run(emu, submit(), { credentials: { accessToken: TOKENS.viewer } });
		expect(viewer.error?.httpCode).toBe('403');
		const continued = await run(emu, submit({ pipeline: bySlug('={{ $json.slug }}') }), {
			items: [{ slug: 'nope' }, { slug: 'nextflow-minimal' }],
			continueOnFail: true,
		});
		expect(continued.output[0].json.httpCode).toBe('404');
		expect(continued.output[1].json.status).toBe('queued');
		expect(allText(continued.run)).not.toContain(TOKENS.admin);
	});
});

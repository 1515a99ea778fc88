import type { INodeTypeDescription } from 'n8n-workflow';

import { IFlowCompute } from '../../../../nodes/IFlowCompute/IFlowCompute.node';
import { allText, runNode } from '../../../helpers/engine';
import { PROJECT_A, TOKENS } from '../../../helpers/emulator';
import { byId, createOrder, finishedRun, run, UNKNOWN_ID, useEmulator } from '../fixtures';

const emulator = useEmulator();
const byName = (extra: Record<string, unknown>) => ({
	resource: 'run',
	operation: 'getOutputByName',
	outputName: 'annotated_vcf_gz',
	...extra,
});

describe('Compute › Run › Get Output by Name', () => {
	test('order → latest succeeded run → outputs → name → signed download URL, in one step', async () => {
		const emu = emulator();
		const order = await createOrder(emu, 'ORD-1');
		const done = await finishedRun(emu, 'succeeded', { order_id: order.id });
		await finishedRun(emu, 'failed', { order_id: order.id });
		await emu.clearRequests();
		const result = await run(emu, byName({ source: 'order', order: byId(String(order.id)), downloadUrls: true }));
		const json = result.output[0].json;
		expect(json).toMatchObject({ run_id: done.id, order_id: order.id, name: 'annotated_vcf_gz', type: 'File' });
		expect(json.bucket_path).toMatch(/^analyses\/run-[0-9a-f]{8}\/.+\.vcf\.gz$/);
		expect(String(json.download_url)).toContain(`/_signed/bgl-hereditary-2026/${String(json.bucket_path)}`);
		const log = await emu.requests();
		expect(log.map((r) => `${r.service} ${r.path}`)).toEqual([
			`compute /api/v1/runs/by-order/${String(order.id)}`,
			`compute /api/v1/runs/${String(done.id)}/outputs`,
			'files /api/v1/files/download-url',
		]);
		expect(log[2].query).toMatchObject({ project_id: PROJECT_A, path: json.bucket_path });
		expect(allText(result.run)).not.toContain(TOKENS.admin);
	});

	test('by run ID, without a download URL', async () => {
		const emu = emulator();
		const done = await finishedRun(emu);
		await emu.clearRequests();
		const result = await run(emu, byName({ source: 'run', runId: done.id, outputName: 'report', downloadUrls: false }));
		expect(result.output[0].json).toMatchObject({ run_id: done.id, name: 'report' });
		expect(result.output[0].json.download_url).toBeUndefined();
		expect(await emu.requests({ service: 'files' })).toHaveLength(0);
	});

	test('a new node (version 1.1) adds the signed link only when asked', async () => {
		const emu = emulator();
		const done = await finishedRun(emu);
		await emu.clearRequests();
		const result = await run(emu, byName({ source: 'run', runId: done.id }));
		expect(result.output[0].json).toMatchObject({ run_id: done.id, name: 'annotated_vcf_gz' });
		expect(allText(result.output)).not.toMatch(/download_url|_signed/);
		expect(await emu.requests({ service: 'files' })).toHaveLength(0);
	});

	test('a saved version 1 node without the field set keeps adding the link, as it did', async () => {
		const emu = emulator();
		const done = await finishedRun(emu);
		const base = new IFlowCompute();
		const v1 = Object.assign(new IFlowCompute(), {
			description: { ...base.description, version: 1 } as INodeTypeDescription,
		});
		const result = await runNode({
			node: v1,
			parameters: byName({ source: 'run', runId: done.id }),
			credentials: emu.credentials(),
		});
		expect(String(result.output[0].json.download_url)).toContain('/_signed/');
	});

	test('an unknown name lists the outputs there are; unknown run → 404 with Continue On Fail', async () => {
		const emu = emulator();
		const done = await finishedRun(emu);
		const missing = await run(emu, byName({ source: 'run', runId: done.id, outputName: 'cram' }));
		expect(missing.error?.message).toBe(`Run ${String(done.id)} has no output named "cram"`);
		expect(missing.error?.description).toBe('Outputs of this run: annotated_vcf_gz, report, top20_tsv, qc_summary.');
		const unknown = await run(emu, byName({ source: 'run', runId: UNKNOWN_ID }), { continueOnFail: true });
		expect(unknown.output[0].json.httpCode).toBe('404');
	});
});

import type { IDataObject } from 'n8n-workflow';

import { allText } from '../../../helpers/engine';
import { PROJECT_A, TOKENS } from '../../../helpers/emulator';
import {
	answerRunOnce,
	finishedRun,
	run,
	RUN_TIME,
	statusChecks,
	submitRun,
	untilStatusChecks,
	useEmulator,
} from '../fixtures';
import { byProfile } from '../../profile';

const emulator = useEmulator();
const wait = (runId: unknown, extra: IDataObject = {}) => ({
	resource: 'run',
	operation: 'waitForCompletion',
	runId,
	pollInterval: 0.05,
	maxWait: 5,
	...extra,
});

describe('Compute › Run › Wait for Completion', () => {
	test('polls a queued run until it succeeds, then outputs it with its outputs and download URLs', async () => {
		const emu = emulator();
		const submitted = await submitRun(emu);
		const id = String(submitted.id);
		await emu.clearRequests();
		let driver: Promise<void> | undefined;
		const result = await run(emu, wait(id, { downloadUrls: true }), {
			// The run finishes (emulator time) only after the node has checked it twice.
			onStart: () => (driver = untilStatusChecks(emu, id, 2).then(() => emu.advance(RUN_TIME))),
		});
		await driver;
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(1);
		const json = result.output[0].json;
		expect(json).toMatchObject({ id, status: 'succeeded', outputs_message: null });
		const outputs = json.outputs as IDataObject[];
		expect(outputs.map((o) => o.name)).toEqual(['annotated_vcf_gz', 'report', 'top20_tsv', 'qc_summary']);
		for (const output of outputs) {
			expect(String(output.bucket_path)).toMatch(/^analyses\/run-[0-9a-f]{8}\//);
			expect(String(output.download_url)).toContain('/_signed/bgl-hereditary-2026/');
		}
		expect((await statusChecks(emu, id)).length).toBeGreaterThanOrEqual(3);
		const signing = await emu.requests({ service: 'files', path: '/api/v1/files/download-url' });
		expect(signing).toHaveLength(4);
		expect(signing[0].query).toMatchObject({ project_id: PROJECT_A, path: outputs[0].bucket_path });
		expect(allText(result.run)).not.toContain(TOKENS.admin);
	});

	test('an unknown non-terminal status counts as running', async () => {
		const emu = emulator();
		const done = await finishedRun(emu, 'succeeded');
		const id = String(done.id);
		await answerRunOnce(emu, id, { ...done, status: 'pending' });
		await emu.clearRequests();
		const result = await run(emu, wait(id));
		expect(result.output[0].json).toMatchObject({ id, status: 'succeeded' });
		expect(await statusChecks(emu, id)).toHaveLength(2);
	});

	test('a failed run is an error with the run id, status and failure reason (one status check)', async () => {
		const emu = emulator();
		const submitted = await submitRun(emu);
		const id = String(submitted.id);
		await emu.control('POST', `/runs/${id}/outcome`, { outcome: 'failed', error_message: 'bwa_mem ran out of memory' });
		await emu.clearRequests();
		const result = await run(emu, wait(id));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`Run ${id} failed: bwa_mem ran out of memory`);
		// The pipeline's slug and version are x-inferred run fields: named where the server sends them.
		const named = byProfile({ full: /of pipeline hereditary-mock 1\.1\.0 ended/, documented: /^Run "[^"]+" ended/ });
		expect(result.error?.description).toMatch(named);
		expect(result.error?.description).toMatch(/ended with status "failed"/);
		expect(await statusChecks(emu, id)).toHaveLength(1);
	});

	test('On Error → Continue (using error output) routes a failed run to the error output', async () => {
		const emu = emulator();
		const failed = await finishedRun(emu, 'failed');
		const result = await run(emu, wait('={{ $json.id }}'), {
			items: [{ id: failed.id, sample: 'SAM-1' }],
			onError: 'continueErrorOutput',
		});
		expect(result.status).toBe('success');
		expect(result.outputs[0]).toHaveLength(0);
		expect(result.outputs[1]).toHaveLength(1);
		const routed = result.outputs[1][0].json;
		expect(routed.error).toMatch(new RegExp(`^Run ${String(failed.id)} failed: `));
		expect(routed.message).toMatch(/ended with status "failed"/);
		expect(routed.sample).toBe('SAM-1'); // n8n merges the input item in
	});

	test('a cancelled run is an error; Continue On Fail routes it as an error item', async () => {
		const emu = emulator();
		const cancelled = await finishedRun(emu, 'cancelled');
		const succeeded = await finishedRun(emu, 'succeeded');
		const result = await run(emu, wait('={{ $json.id }}'), {
			items: [{ id: cancelled.id }, { id: succeeded.id }],
			continueOnFail: true,
		});
		expect(result.output).toHaveLength(2);
		expect(result.output[0].json.error).toBe(`Run ${String(cancelled.id)} cancelled: cancelled`);
		expect(result.output[1].json).toMatchObject({ id: succeeded.id, status: 'succeeded' });
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('Output Failed Runs: a run that already ended is output at once, whatever its status (one check each)', async () => {
		const emu = emulator();
		const failed = await finishedRun(emu, 'failed');
		const cancelled = await finishedRun(emu, 'cancelled');
		const succeeded = await finishedRun(emu, 'succeeded');
		await emu.clearRequests();
		const result = await run(emu, wait('={{ $json.id }}', { outputFailedRuns: true }), {
			items: [{ id: failed.id }, { id: cancelled.id }, { id: succeeded.id }],
		});
		expect(result.output.map((item) => item.json.status)).toEqual(['failed', 'cancelled', 'succeeded']);
		expect(result.output[0].json.error_message).toBeTruthy();
		expect(result.output[2].json.outputs).toBeDefined();
		for (const id of [failed.id, cancelled.id, succeeded.id])
			expect(await statusChecks(emu, String(id))).toHaveLength(1);
	});

	test('times out with its own error and the last status', async () => {
		const emu = emulator();
		const submitted = await submitRun(emu); // the manual clock never moves: stays queued
		const id = String(submitted.id);
		const result = await run(emu, wait(id, { maxWait: 0.005 }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(
			new RegExp(`^Timed out after \\d+ s waiting for run ${id} \\(last status: queued\\)$`),
		);
		expect(result.error?.description).toMatch(/Resume this execution/);
		expect((await statusChecks(emu, id)).length).toBeGreaterThanOrEqual(2);
	});

	test('cancelling the execution stops the wait', async () => {
		const emu = emulator();
		const submitted = await submitRun(emu);
		const id = String(submitted.id);
		let driver: Promise<void> | undefined;
		const result = await run(emu, wait(id, { pollInterval: 30, maxWait: 30 }), {
			onStart: (pending) => (driver = untilStatusChecks(emu, id, 1).then(() => pending.cancel?.())),
		});
		await driver;
		// The node stops at once instead of sleeping 30 s more (jest's timeout would catch a hang).
		expect(result.error?.message).toBe(`Stopped waiting for run ${id}: the execution was cancelled`);
		expect(await statusChecks(emu, id)).toHaveLength(1);
	});
});

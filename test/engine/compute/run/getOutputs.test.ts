import type { IDataObject } from 'n8n-workflow';

import { PROJECT_A } from '../../../helpers/emulator';
import { answerRunOnce, finishedRun, NEXTFLOW, run, submitRun, useEmulator } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emulator = useEmulator();
const getOutputs = operationWithId('run', 'getOutputs', 'runId');

describe('Compute › Run › Get Outputs', () => {
	test('one item per semantic output', async () => {
		const emu = emulator();
		const done = await finishedRun(emu);
		await emu.clearRequests();
		const result = await run(emu, getOutputs(done.id));
		expect(result.output.map((item) => item.json.name)).toEqual([
			'annotated_vcf_gz',
			'report',
			'top20_tsv',
			'qc_summary',
		]);
		expect(result.output[0].json).toMatchObject({ run_id: done.id, type: 'File' });
		expect(String(result.output[0].json.path)).toMatch(/^gs:\/\/bgl-hereditary-2026\/analyses\//);
		expect(await emu.requests({ service: 'compute' })).toHaveLength(1);
	});

	test('with download URLs: bucket from output_path, signed URL per File output', async () => {
		const emu = emulator();
		const done = await finishedRun(emu);
		await emu.clearRequests();
		const result = await run(emu, getOutputs(done.id, { downloadUrls: true }));
		const first = result.output[0].json as IDataObject;
		expect(first.bucket_path).toBe(String(first.path).replace('gs://bgl-hereditary-2026/', ''));
		expect(String(first.download_url)).toMatch(/\/_signed\/bgl-hereditary-2026\/analyses\//);
		const signing = await emu.requests({ service: 'files' });
		expect(signing).toHaveLength(4);
		expect(signing[0].query.project_id).toBe(PROJECT_A);
		expect(await emu.requests({ service: 'admin' })).toHaveLength(0);
	});

	test('without an output_path on the run, the bucket comes from the admin project record', async () => {
		const emu = emulator();
		const done = await finishedRun(emu);
		const id = String(done.id);
		await answerRunOnce(emu, id, { ...done, output_path: null });
		await emu.clearRequests();
		const result = await run(emu, getOutputs(id, { downloadUrls: true }));
		expect(String(result.output[0].json.bucket_path)).toMatch(/^analyses\//);
		const [project] = await emu.requests({ service: 'admin' });
		expect(project.path).toBe(`/api/v1/projects/${PROJECT_A}`);
	});

	test('no outputs yet (or a Nextflow run) is an empty result, not an error', async () => {
		const emu = emulator();
		const queued = await submitRun(emu);
		expect((await run(emu, getOutputs(queued.id))).output).toHaveLength(0);
		const nextflow = await finishedRun(emu, 'succeeded', { pipeline_id: NEXTFLOW });
		expect((await run(emu, getOutputs(nextflow.id))).output).toHaveLength(0);
	});
});

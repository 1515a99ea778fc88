import { PROJECT_B } from '../../../helpers/emulator';
import { byProfile } from '../../profile';
import { finishedRun, run, UNKNOWN_ID, useEmulator } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emulator = useEmulator();
const get = operationWithId('run', 'get', 'runId');

describe('Compute › Run › Get', () => {
	test('gets a run with the project header from the credential', async () => {
		const emu = emulator();
		const done = await finishedRun(emu, 'failed');
		await emu.clearRequests();
		const result = await run(emu, get(done.id));
		expect(result.output[0].json).toMatchObject({ id: done.id, status: 'failed' });
		// An x-inferred field: only a server that has it sends it.
		expect(result.output[0].json.pipeline_slug).toBe(byProfile({ full: 'hereditary-mock', documented: undefined }));
		const [request] = await emu.requests({ service: 'compute' });
		expect(request.path).toBe(`/api/v1/runs/${String(done.id)}`);
	});

	test('a run of another project is a 404 naming the project; Continue On Fail', async () => {
		const emu = emulator();
		const done = await finishedRun(emu);
		const other = await run(emu, get(done.id, { project: { __rl: true, mode: 'id', value: PROJECT_B } }));
		expect(other.error?.httpCode).toBe('404');
		expect(other.error?.description).toContain(PROJECT_B);
		const continued = await run(emu, get('={{ $json.id }}'), {
			items: [{ id: UNKNOWN_ID }, { id: done.id }],
			continueOnFail: true,
		});
		expect(continued.output.map((item) => item.json.httpCode ?? item.json.status)).toEqual(['404', 'succeeded']);
	});
});

import { TOKENS } from '../../../helpers/emulator';
import { finishedRun, run, submitRun, useEmulator } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emulator = useEmulator();
const cancel = operationWithId('run', 'cancel', 'runId');

describe('Compute › Run › Cancel', () => {
	test('cancels a queued run with DELETE', async () => {
		const emu = emulator();
		const queued = await submitRun(emu);
		await emu.clearRequests();
		const result = await run(emu, cancel(queued.id));
		expect(result.output[0].json).toEqual({ id: queued.id, status: 'cancelled', cancelled: true });
		const [request] = await emu.requests({ service: 'compute' });
		expect(request).toMatchObject({ method: 'DELETE', path: `/api/v1/runs/${String(queued.id)}`, status: 204 });
		const after = await emu.api<{ status: string }>('compute', 'GET', `/runs/${String(queued.id)}`);
		expect(after.status).toBe('cancelled');
	});

	test('a finished run is a 409; a viewer a 403; Continue On Fail', async () => {
		const emu = emulator();
		const done = await finishedRun(emu);
		const conflict = await run(emu, cancel(done.id));
		expect(conflict.error?.message).toBe('Conflict: Run is already succeeded');
		const queued = await submitRun(emu);
		const viewer = await run(emu, cancel(queued.id), { credentials: { accessToken: TOKENS.viewer } });
		expect(viewer.error?.httpCode).toBe('403');
		const continued = await run(emu, cancel('={{ $json.id }}'), {
			items: [{ id: done.id }, { id: queued.id }],
			continueOnFail: true,
		});
		expect(continued.output.map((item) => item.json.httpCode ?? item.json.status)).toEqual(['409', 'cancelled']);
	});
});

import { PROJECT_A } from '../../../helpers/emulator';
import { run, submitRun, useEmulator } from '../fixtures';

const emulator = useEmulator();
const send = (extra: Record<string, unknown>) => ({
	resource: 'apiRequest',
	operation: 'send',
	method: 'GET',
	...extra,
});

describe('Compute › API Request', () => {
	test('calls any compute endpoint with the project header', async () => {
		const emu = emulator();
		const queued = await submitRun(emu);
		await emu.clearRequests();
		const result = await run(emu, send({ path: '/runs', query: { parameter: [{ name: 'status', value: 'queued' }] } }));
		expect(result.output.map((item) => item.json.id)).toEqual([queued.id]);
		const [request] = await emu.requests({ service: 'compute' });
		expect(request).toMatchObject({ path: '/api/v1/runs', query: { status: 'queued' } });
		expect(request.headers['x-project-id']).toBe(PROJECT_A);
	});

	test('POST /runs/{id}/cancel with a JSON body; API errors with Continue On Fail', async () => {
		const emu = emulator();
		const queued = await submitRun(emu);
		const cancelled = await run(emu, send({ method: 'POST', path: `/runs/${String(queued.id)}/cancel`, body: '{}' }));
		expect(cancelled.output[0].json.status).toBe('cancelled');
		const again = await run(emu, send({ method: 'POST', path: `/runs/${String(queued.id)}/cancel`, body: '{}' }), {
			continueOnFail: true,
		});
		expect(again.output[0].json.httpCode).toBe('409');
	});

	test('a path with .. or invalid JSON fails naming the field, with no request', async () => {
		const emu = emulator();
		expect((await run(emu, send({ path: '/runs/../admin' }))).error?.message).toMatch(/'Path'/);
		expect((await run(emu, send({ method: 'POST', path: '/runs', body: '{' }))).error?.message).toMatch(
			/'Body \(JSON\)' is not valid JSON/,
		);
		expect(await emu.requests()).toHaveLength(0);
	});
});

import type { INodeParameters } from 'n8n-workflow';

import { PROJECT_A } from '../../../helpers/emulator';
import { apiRequest } from '../../apiRequest/nodes';
import { HEREDITARY_110, run, submitRun, UNKNOWN_ID, useEmulator } from '../fixtures';

const emulator = useEmulator();
const send = (extra: INodeParameters) => apiRequest(extra.path, extra);

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

	test('POST /runs with a JSON body; API errors with Continue On Fail', async () => {
		const emu = emulator();
		const body = (pipelineId: string) => JSON.stringify({ pipeline_id: pipelineId, params: { case_id: 'c-1' } });
		const submitted = await run(emu, send({ method: 'POST', path: '/runs', body: body(HEREDITARY_110) }));
		expect(submitted.output[0].json).toMatchObject({ status: 'queued', params: { case_id: 'c-1' } });
		const [post] = await emu.requests({ service: 'compute', method: 'POST' });
		expect(post.body).toEqual({ pipeline_id: HEREDITARY_110, params: { case_id: 'c-1' } });
		const unknown = await run(emu, send({ method: 'POST', path: '/runs', body: body(UNKNOWN_ID) }), {
			continueOnFail: true,
		});
		expect(unknown.output[0].json.httpCode).toBe('404');
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

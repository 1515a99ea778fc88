import { HEREDITARY_100, run, useEmulator } from '../fixtures';

const emulator = useEmulator();
const get = (pipelineId: unknown) => ({ resource: 'pipeline', operation: 'get', pipelineId });

describe('Compute › Pipeline › Get', () => {
	test('gets one pipeline version by id', async () => {
		const emu = emulator();
		const result = await run(emu, get(HEREDITARY_100));
		expect(result.output[0].json).toMatchObject({ id: HEREDITARY_100, slug: 'hereditary-mock', version: '1.0.0' });
		const [request] = await emu.requests({ service: 'compute' });
		expect(request.path).toBe(`/api/v1/pipelines/${HEREDITARY_100}`);
	});
});

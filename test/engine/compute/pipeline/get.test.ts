import { HEREDITARY_100, run, UNKNOWN_ID, useEmulator } from '../fixtures';

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

	test('unknown id → 404; Continue On Fail keeps the other item', async () => {
		const emu = emulator();
		const result = await run(emu, get('={{ $json.id }}'), {
			items: [{ id: UNKNOWN_ID }, { id: HEREDITARY_100 }],
			continueOnFail: true,
		});
		expect(result.output.map((item) => item.json.httpCode ?? item.json.version)).toEqual(['404', '1.0.0']);
	});

	test('an id that is not a UUID fails naming the field, with no request', async () => {
		const emu = emulator();
		const result = await run(emu, get('hereditary-mock'));
		expect(result.error?.message).toMatch(/'Pipeline ID' must be an iFlow ID/);
		expect(await emu.requests()).toHaveLength(0);
	});
});

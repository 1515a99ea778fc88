import { bySlug, run, useEmulator } from '../fixtures';

const emulator = useEmulator();

/** The raw JSON of the run a Submit sent (the log keeps the parsed body; re-serialise it). */
async function sentParams(emu: ReturnType<typeof emulator>): Promise<Record<string, unknown>> {
	const [post] = await emu.requests({ service: 'compute', method: 'POST', path: '/api/v1/runs' });
	return JSON.parse(JSON.stringify(post.body)).params as Record<string, unknown>;
}

describe('Compute › Run › Submit: parameter names that are also JavaScript names', () => {
	test('__proto__, constructor, toString and hasOwnProperty are sent as plain keys', async () => {
		const emu = emulator();
		const result = await run(emu, {
			resource: 'run',
			operation: 'submit',
			pipeline: bySlug('hereditary-mock'),
			parameters: {
				parameter: [
					{ name: '__proto__', value: 'p' },
					{ name: 'constructor', value: 'c' },
					{ name: 'toString', value: 't' },
					{ name: 'hasOwnProperty', value: 'h' },
					{ name: 'valueOf', value: 'v1' },
					{ name: 'valueOf', value: 'v2' },
				],
			},
		});
		expect(result.status).toBe('success');
		const params = await sentParams(emu);
		expect(Object.keys(params).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']);
		expect(Object.getOwnPropertyDescriptor(params, '__proto__')?.value).toBe('p');
		expect(params.constructor).toBe('c');
		expect(params.toString).toBe('t');
		expect(params.hasOwnProperty).toBe('h');
		expect(params.valueOf).toEqual(['v1', 'v2']);
	});
});

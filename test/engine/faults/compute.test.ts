// Compute creates through lost answers: Run › Submit (natural key: the n8n-submit tag it stamps)
// and Pipeline › Create (slug + version), each fault kind before and after the server stored it.
// Both are documented routes: the same in both emulator profiles.
import { bySlug, finishWhileWaiting, node } from '../compute/fixtures';
import { nodeRunner, useEmulator, operationParams } from '../../helpers/suite';
import { expectedSends, FAULT_KINDS, faultKind, injectOnce, stateOf } from './kinds';

// Runs move only when a test advances the clock (as in every Compute test: ../compute/fixtures.ts).
const emulator = useEmulator({ clock: 'manual' });
const run = nodeRunner(node);

const RUNS = { service: 'compute', method: 'POST', path: '^/api/v1/runs$' };
const PIPELINES = { service: 'compute', method: 'POST', path: '^/api/v1/pipelines$' };
const submit = operationParams('run', 'submit', {
	pipeline: bySlug('hereditary-mock'),
});
const pipeline = {
	resource: 'pipeline',
	operation: 'create',
	name: 'Hereditary panel',
	slug: 'hereditary-panel',
	version: '2.0.0',
	sourceType: 'gitlab',
	sourceUrl: 'https://gitlab.example.org/pipelines/hereditary-panel/hereditary-panel.wdl',
	additionalFields: { tags: 'hereditary', description: 'Panel v2' },
};

describe('Compute › Run › Submit through lost answers', () => {
	test.each(FAULT_KINDS)('$name: one run, the item succeeds', async (kind) => {
		const emu = emulator();
		await injectOnce(emu, kind, RUNS);
		const result = await run(emu, submit({ options: { tags: 'lis' } }), { executionId: 'exec-f' });
		expect(result.error).toBeUndefined();
		expect(result.output[0].json.recovered).toBe(kind.committed ? true : undefined);
		const runs = (await stateOf(emu)).runs;
		expect(runs).toHaveLength(1);
		expect(result.output[0].json.id).toBe(runs[0].id);
		expect(await emu.requests({ service: 'compute', method: 'POST' })).toHaveLength(expectedSends(kind));
		// Found by its own tag in the run list (documented: limit, newest first).
		const lookups = await emu.requests({ service: 'compute', method: 'GET', path: '/api/v1/runs' });
		expect(lookups.length).toBe(kind.committed ? 1 : 2); // absent: looked up twice before sending again
		expect(lookups[0].query).toEqual({ limit: '1000' });
	});

	test('with Wait for Completion, a recovered run is waited for and output with its outputs', async () => {
		const emu = emulator();
		await injectOnce(emu, faultKind('connection reset after commit'), RUNS);
		const driver = finishWhileWaiting(emu);
		const result = await run(emu, submit({ waitForCompletion: true, pollInterval: 0.05 }), { onStart: driver.onStart });
		await driver.finished();
		expect(result.output[0].json).toMatchObject({ status: 'succeeded', recovered: true });
		expect((await stateOf(emu)).runs).toHaveLength(1);
	});

	test('two items of one execution have their own keys: each is found as itself', async () => {
		const emu = emulator();
		await emu.fault({ ...RUNS, status: 502, afterCommit: true }); // every create of this test
		const result = await run(emu, submit({ options: { tags: '={{ $json.tag }}' } }), {
			items: [{ tag: 'first' }, { tag: 'second' }],
		});
		const runs = (await stateOf(emu)).runs;
		expect(runs).toHaveLength(2);
		expect(result.output.map((item) => item.json.recovered)).toEqual([true, true]);
		expect(result.output.map((item) => (item.json.tags as string[])[0])).toEqual(['first', 'second']);
	});

	test('the run list cannot be read: the error of the submission, saying what to look for', async () => {
		const emu = emulator();
		await injectOnce(emu, faultKind('504 after commit'), RUNS);
		await emu.fault({ service: 'compute', method: 'GET', path: '^/api/v1/runs$', status: 403, count: 1 });
		const result = await run(emu, submit(), { continueOnFail: true });
		expect(result.output[0].json.error).toMatch(/HTTP 504/);
		expect(result.output[0].json.description).toMatch(
			/looked for a run tagged n8n-submit:\S+ in iFlow .*could not tell/,
		);
		expect(await emu.requests({ service: 'compute', method: 'POST' })).toHaveLength(1);
	});
});

describe('Compute › Pipeline › Create through lost answers', () => {
	test.each(FAULT_KINDS)('$name: one version, the item succeeds', async (kind) => {
		const emu = emulator();
		await injectOnce(emu, kind, PIPELINES);
		const result = await run(emu, pipeline);
		expect(result.error).toBeUndefined();
		expect(result.output[0].json).toMatchObject({ slug: 'hereditary-panel', version: '2.0.0' });
		expect(result.output[0].json.recovered).toBe(kind.committed ? true : undefined);
		const versions = (await stateOf(emu)).pipelines.filter((p) => p.slug === 'hereditary-panel');
		expect(versions).toHaveLength(1);
		expect(await emu.requests({ service: 'compute', method: 'POST' })).toHaveLength(expectedSends(kind));
		const [lookup] = await emu.requests({ service: 'compute', method: 'GET' });
		expect(lookup.path).toBe('/api/v1/pipelines/slug/hereditary-panel');
		expect(lookup.query).toEqual({ version: '2.0.0' });
	});

	test('another version record with the same slug and version is not taken as ours', async () => {
		const emu = emulator();
		await emu.api('compute', 'POST', '/pipelines', {
			body: {
				...{ name: 'Someone else', slug: 'hereditary-panel', version: '2.0.0', source_type: 'github' },
				source_url: 'https://github.com/x/y',
			},
			project: null,
		});
		await emu.clearRequests();
		await injectOnce(emu, faultKind('connection reset before commit'), PIPELINES);
		const result = await run(emu, pipeline);
		expect(result.error?.message).toMatch(
			/^Pipeline hereditary-panel version 2\.0\.0 exists in iFlow with other values \(name, source_type, source_url/,
		);
		// With Overwrite on, the create is sent again and replaces it, as asked.
		await injectOnce(emu, faultKind('connection reset before commit'), PIPELINES);
		const forced = await run(emu, {
			...pipeline,
			simplify: false,
			additionalFields: { ...pipeline.additionalFields, force: true },
		});
		expect(forced.output[0].json).toMatchObject({ name: 'Hereditary panel', source_type: 'gitlab' });
	});
});

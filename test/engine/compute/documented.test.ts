import type { IDataObject } from 'n8n-workflow';

import { idsInBothProfiles, openApiDocument, useProfile, withoutQueryParameter } from '../profile';
import { createOrder, finishedRun, HEREDITARY_100, HEREDITARY_110, run, submitRun, useEmulator } from './fixtures';

// Compute list filters the reference marks INFERRED, on a server that has only the reference
// (the emulator's `documented` profile ignores them): the same answer, or a clear error.

const emulator = useEmulator();
beforeEach(async () => await useProfile(emulator(), 'full'));

const inBoth = async (parameters: Record<string, unknown>) =>
	await idsInBothProfiles(emulator(), run, parameters, 'sorted');

describe('Compute › Run › Get Many on a server with only the published reference', () => {
	test('Status and Pipeline ID, which the documented server ignores', async () => {
		const emu = emulator();
		// Finished runs first: each finishedRun moves the manual clock on, which ends queued runs too.
		await finishedRun(emu, 'failed', { pipeline_id: HEREDITARY_100 });
		await finishedRun(emu, 'succeeded', { pipeline_id: HEREDITARY_100 });
		await submitRun(emu, { pipeline_id: HEREDITARY_100 });
		await submitRun(emu, { pipeline_id: HEREDITARY_110 });

		await useProfile(emu, 'documented');
		const ignored = await emu.api<IDataObject[]>('compute', 'GET', '/runs', { query: { status: 'queued' } });
		expect(ignored).toHaveLength(4);

		const { full, documented } = await inBoth({
			resource: 'run',
			operation: 'getMany',
			returnAll: true,
			filters: { status: 'queued', pipelineId: HEREDITARY_100 },
		});
		expect(full).toHaveLength(1);
		expect(documented).toEqual(full);
		const [request] = await emu.requests({ service: 'compute' });
		expect(request.query.status).toBeUndefined();
		expect(request.query.pipeline_id).toBeUndefined();
	});

	test('Order ID on a server that does not list it: read from GET /runs/by-order/{order_id}', async () => {
		const emu = emulator();
		const order = await createOrder(emu, 'ORD-1');
		await finishedRun(emu, 'failed', { order_id: order.id });
		const mine = await submitRun(emu, { order_id: order.id });
		await submitRun(emu);
		await useProfile(emu, 'documented');
		const doc = withoutQueryParameter(await openApiDocument(emu, 'compute'), '/api/v1/runs', 'GET', 'order_id');
		await emu.fault({ service: 'compute', path: '^/openapi\\.json$', status: 200, body: doc });
		await emu.clearRequests();

		const result = await run(emu, {
			resource: 'run',
			operation: 'getMany',
			returnAll: true,
			filters: { orderId: order.id, status: 'queued' },
		});
		expect(result.output.map((item) => item.json.id)).toEqual([mine.id]);
		const log = await emu.requests({ service: 'compute' });
		expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/v1/runs/by-order/${String(order.id)}`]);
	});
});

describe('Compute › Pipeline › Get Many on a server with only the published reference', () => {
	beforeEach(async () => {
		await emulator().control('POST', '/seed', { pipelines: [{ id: HEREDITARY_110, is_active: false }] });
	});

	test('Slug: the same versions', async () => {
		const { full, documented } = await inBoth({
			resource: 'pipeline',
			operation: 'getMany',
			returnAll: true,
			filters: { slug: 'hereditary-mock' },
		});
		expect(full).toEqual([HEREDITARY_100]);
		expect(documented).toEqual(full);
	});

	test('Include Inactive with a Slug: every version from the documented versions route', async () => {
		const emu = emulator();
		const { full, documented } = await inBoth({
			resource: 'pipeline',
			operation: 'getMany',
			returnAll: true,
			filters: { slug: 'hereditary-mock', includeInactive: true },
		});
		expect(full).toEqual([HEREDITARY_100, HEREDITARY_110].sort());
		expect(documented).toEqual(full);
		const log = await emu.requests({ service: 'compute' });
		expect(log.map((r) => r.path)).toEqual(['/api/v1/pipelines/slug/hereditary-mock/versions']);
	});

	test('Include Inactive without a Slug: "not offered" before any request, naming the Slug filter', async () => {
		const emu = emulator();
		await useProfile(emu, 'documented');
		await emu.clearRequests();
		const result = await run(emu, {
			resource: 'pipeline',
			operation: 'getMany',
			returnAll: true,
			filters: { includeInactive: true },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			"This iFlow server does not offer the 'include_inactive' parameter of GET /pipelines (compute service)",
		);
		expect(result.error?.description).toMatch(/Slug filter.*\/pipelines\/slug\/\{slug\}\/versions/s);
		expect(await emu.requests()).toHaveLength(0);

		const kept = await run(
			emu,
			{ resource: 'pipeline', operation: 'getMany', returnAll: true, filters: { includeInactive: true } },
			{ continueOnFail: true },
		);
		expect(kept.output[0].json.error).toMatch(/include_inactive/);
	});
});

import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';
import { openApiDocument, useProfile, withoutQueryParameter } from '../profile';
import { node, orderWithSamples, useEmulatorHandle } from './fixtures';

// The published reference documents no VCF endpoint: on a server that has only the reference
// (the emulator's `documented` profile) every operation fails with a clear "does not offer"
// error naming what to use instead, before any request.

const emu = useEmulatorHandle();
let orderId: string;
let sampleIds: string[];
beforeEach(async () => {
	await useProfile(emu, 'full');
	({ orderId, sampleIds } = await orderWithSamples(emu));
	await useProfile(emu, 'documented');
	await emu.clearRequests();
});

const run = async (parameters: INodeParameters, continueOnFail = false) =>
	await runNode({ node, parameters, credentials: emu.credentials(), continueOnFail });

describe('iFlow VCF on a server with only the published reference', () => {
	test.each([
		[
			'order variants',
			() => ({ resource: 'variant', operation: 'getMany', source: 'order', order: { mode: 'id', value: orderId } }),
			'GET /orders/{order_id}/variants',
		],
		[
			'sample variants',
			() => ({
				resource: 'variant',
				operation: 'getMany',
				source: 'sample',
				sample: { mode: 'id', value: sampleIds[0] },
			}),
			'GET /samples/{sample_id}/variants',
		],
		[
			'cache status',
			() => ({ resource: 'cache', operation: 'getStatus', order: { mode: 'id', value: orderId } }),
			'GET /orders/{order_id}/cache',
		],
		[
			'cache rebuild',
			() => ({ resource: 'cache', operation: 'rebuild', order: { mode: 'id', value: orderId } }),
			'POST /orders/{order_id}/cache',
		],
	])('%s: "not offered" before any request, naming what to use instead', async (_name, parameters, route) => {
		const result = await run({ returnAll: true, ...parameters() } as INodeParameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`This iFlow server does not offer ${route} (vcf service)`);
		expect(result.error?.description).toMatch(/not a wrong ID/);
		expect(result.error?.description).toMatch(
			route.includes('variants') ? /iFlow Files.*Get Output by Name/s : /builds the variant cache itself/,
		);
		expect(await emu.requests()).toHaveLength(0);
	});

	test('Continue On Fail keeps the error as an item', async () => {
		const result = await run(
			{ resource: 'cache', operation: 'getStatus', order: { mode: 'id', value: orderId } },
			true,
		);
		expect(result.output[0].json.error).toMatch(/does not offer GET \/orders\/\{order_id\}\/cache/);
	});

	test('bad input is still refused first, naming the field', async () => {
		const result = await run({
			resource: 'variant',
			operation: 'getMany',
			source: 'order',
			order: { mode: 'id', value: orderId },
			returnAll: true,
			filters: { start: 100 },
		});
		expect(result.error?.message).toMatch(/'Start Position' needs 'Chromosome'/);
	});

	test('a server that lists the route but not a filter used: refused, never unfiltered', async () => {
		await useProfile(emu, 'full');
		const doc = withoutQueryParameter(
			await openApiDocument(emu, 'vcf'),
			'/api/v1/orders/{order_id}/variants',
			'GET',
			'gene',
		);
		await emu.fault({ service: 'vcf', path: '^/openapi\\.json$', status: 200, body: doc });
		await emu.clearRequests();
		const parameters = {
			resource: 'variant',
			operation: 'getMany',
			source: 'order',
			order: { mode: 'id', value: orderId },
		};
		const filtered = await run({ ...parameters, returnAll: true, filters: { gene: 'BRCA1' } });
		expect(filtered.error?.message).toBe(
			"This iFlow server does not offer the 'gene' parameter of GET /orders/{order_id}/variants (vcf service)",
		);
		expect(await emu.requests()).toHaveLength(0);
		// Without that filter the route is used as usual.
		const unfiltered = await run({ ...parameters, returnAll: false, limit: 5 });
		expect(unfiltered.status).toBe('success');
		expect(unfiltered.output).toHaveLength(5);
	});
});

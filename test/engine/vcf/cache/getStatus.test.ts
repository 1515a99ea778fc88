import type { INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { runNode } from '../../../helpers/engine';
import { node, orderWithSamples, useEmulatorHandle, vcfApi } from '../fixtures';

const emu = useEmulatorHandle();
let orderId: string;
beforeEach(async () => {
	({ orderId } = await orderWithSamples(emu));
	await emu.clearRequests();
});

const parameters = (order: NodeParameterValueType): INodeParameters => ({
	resource: 'cache',
	operation: 'getStatus',
	order,
});

describe('VCF › Variant Cache › Get Status', () => {
	vcfApi.test('not built, then ready after the first variant query', async () => {
		const before = await runNode({
			node,
			parameters: parameters({ mode: 'id', value: orderId }),
			credentials: emu.credentials(),
		});
		expect(before.output[0].json).toMatchObject({ order_id: orderId, status: 'not_built' });
		const [request] = await emu.requests({ service: 'vcf' });
		expect(request).toMatchObject({ method: 'GET', path: `/api/v1/orders/${orderId}/cache`, status: 200 });

		await emu.api('vcf', 'GET', `/orders/${orderId}/variants`, { query: { limit: 1 } });
		const after = await runNode({
			node,
			parameters: parameters({ mode: 'id', value: orderId }),
			credentials: emu.credentials(),
		});
		expect(after.output[0].json).toMatchObject({ status: 'ready', variant_count: 10000 });
	});

	vcfApi.test('unknown order: readable 404; Continue On Fail; bad ID: no request', async () => {
		const missing = { mode: 'id', value: 'd1f0a2b3-4c5d-4e6f-8a9b-0c1d2e3f4a5b' };
		const failed = await runNode({ node, parameters: parameters(missing), credentials: emu.credentials() });
		expect(failed.error?.message).toMatch(/^Not found/);
		const kept = await runNode({
			node,
			parameters: parameters(missing),
			credentials: emu.credentials(),
			continueOnFail: true,
		});
		expect(kept.output[0].json).toMatchObject({ httpCode: '404' });
		await emu.clearRequests();
		const bad = await runNode({
			node,
			parameters: parameters({ mode: 'list', value: 'x' }),
			credentials: emu.credentials(),
		});
		expect(bad.error?.message).toMatch(/'Order' must be an iFlow ID/);
		expect(await emu.requests()).toHaveLength(0);
	});
});

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
});

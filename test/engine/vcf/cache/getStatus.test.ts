import type { INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { IFlowVcf } from '../../../../nodes/IFlowVcf/IFlowVcf.node';
import { runNode } from '../../../helpers/engine';
import { startEmulator, type EmulatorHandle } from '../../../helpers/emulator';
import { fullOnly } from '../../profile';
import { orderWithSamples } from '../fixtures';

let emu: EmulatorHandle;
let orderId: string;
beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => await emu.stop());
beforeEach(async () => {
	await emu.reset();
	({ orderId } = await orderWithSamples(emu));
	await emu.clearRequests();
});

const node = new IFlowVcf();
// vcf/documented.test.ts covers every VCF operation on a server without it.
const vcfApi = fullOnly('the VCF API, not in the reference');
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

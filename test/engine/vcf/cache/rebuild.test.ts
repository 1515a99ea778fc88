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
const parameters = { resource: 'cache', operation: 'rebuild', order: { mode: 'list', value: '' } };
const withOrder = () => ({ ...parameters, order: { mode: 'list', value: orderId } });

describe('VCF › Variant Cache › Rebuild', () => {
	vcfApi.test('starts a build', async () => {
		await emu.clock('manual');
		const result = await runNode({ node, parameters: withOrder(), credentials: emu.credentials() });
		expect(result.output[0].json).toMatchObject({ order_id: orderId, status: 'building' });
		const [request] = await emu.requests({ service: 'vcf' });
		expect(request).toMatchObject({ method: 'POST', path: `/api/v1/orders/${orderId}/cache`, status: 202 });
	});
});

import { orderWithSamples, run, useEmulatorHandle, vcfApi } from '../fixtures';

const emu = useEmulatorHandle();
let orderId: string;
beforeEach(async () => {
	({ orderId } = await orderWithSamples(emu));
	await emu.clearRequests();
});

const parameters = { resource: 'cache', operation: 'rebuild', order: { mode: 'list', value: '' } };
const withOrder = () => ({ ...parameters, order: { mode: 'list', value: orderId } });

describe('VCF › Variant Cache › Rebuild', () => {
	vcfApi.test('starts a build', async () => {
		await emu.clock('manual');
		const result = await run(emu, withOrder());
		expect(result.output[0].json).toMatchObject({ order_id: orderId, status: 'building' });
		const [request] = await emu.requests({ service: 'vcf' });
		expect(request).toMatchObject({ method: 'POST', path: `/api/v1/orders/${orderId}/cache`, status: 202 });
	});
});

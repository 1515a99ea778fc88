import { orderWithSamples, run, useEmulatorHandle, vcfApi } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();
let orderId: string;
beforeEach(async () => {
	({ orderId } = await orderWithSamples(emu));
	await emu.clearRequests();
});

const parameters = operationWithId('cache', 'getStatus', 'order');

describe('VCF › Variant Cache › Get Status', () => {
	vcfApi.test('not built, then ready after the first variant query', async () => {
		const before = await run(emu, parameters({ mode: 'id', value: orderId }));
		expect(before.output[0].json).toMatchObject({ order_id: orderId, status: 'not_built' });
		const [request] = await emu.requests({ service: 'vcf' });
		expect(request).toMatchObject({ method: 'GET', path: `/api/v1/orders/${orderId}/cache`, status: 200 });

		await emu.api('vcf', 'GET', `/orders/${orderId}/variants`, { query: { limit: 1 } });
		const after = await run(emu, parameters({ mode: 'id', value: orderId }));
		expect(after.output[0].json).toMatchObject({ status: 'ready', variant_count: 10000 });
	});
});

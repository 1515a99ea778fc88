import { runNode } from '../../../helpers/engine';
import { TOKENS } from '../../../helpers/emulator';
import { node, orderWithSamples, useEmulatorHandle, vcfApi } from '../fixtures';

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
		const result = await runNode({ node, parameters: withOrder(), credentials: emu.credentials() });
		expect(result.output[0].json).toMatchObject({ order_id: orderId, status: 'building' });
		const [request] = await emu.requests({ service: 'vcf' });
		expect(request).toMatchObject({ method: 'POST', path: `/api/v1/orders/${orderId}/cache`, status: 202 });
	});

	vcfApi.test('a viewer gets a readable 403; Continue On Fail', async () => {
		const credentials = emu.credentials({ accessToken: TOKENS.viewer });
		const failed = await runNode({ node, parameters: withOrder(), credentials });
		expect(failed.error?.message).toMatch(/^Permission denied/);
		const kept = await runNode({ node, parameters: withOrder(), credentials, continueOnFail: true });
		expect(kept.output[0].json).toMatchObject({ httpCode: '403' });
	});

	test('an order from an expression that is empty: clear error, no request', async () => {
		const result = await runNode({
			node,
			parameters: { ...parameters, order: { mode: 'id', value: '={{ $json.order }}' } },
			items: [{ order: '' }],
			credentials: emu.credentials(),
		});
		expect(result.error?.message).toMatch(/'Order' is empty/);
		expect(await emu.requests()).toHaveLength(0);
	});
});

import type { INodeParameters } from 'n8n-workflow';

import { PROJECT_A } from '../../../helpers/emulator';
import { apiRequest } from '../../apiRequest/nodes';
import { createOrder, run, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const send = (extra: INodeParameters) => apiRequest(extra.path, extra);

describe('Miner › API Request', () => {
	test('calls any miner path with the project header', async () => {
		const order = await createOrder(emu, 'ORD-1');
		await emu.clearRequests();
		const result = await run(
			emu,
			send({ path: { __rl: true, mode: 'path', value: `/orders/${String(order.id)}/labflow` } }),
		);
		expect(result.output[0].json).toMatchObject({ order_id: order.id });
		const [request] = await emu.requests({ service: 'miner' });
		expect(request.path).toBe(`/api/v1/orders/${String(order.id)}/labflow`);
		expect(request.headers['x-project-id']).toBe(PROJECT_A);
	});

	test('API error and Continue On Fail', async () => {
		const failed = await run(emu, send({ path: { __rl: true, mode: 'path', value: '/labflows/nope' } }));
		expect(failed.error?.httpCode).toBe('404');
		const continued = await run(emu, send({ path: { __rl: true, mode: 'path', value: '/labflows/nope' } }), {
			continueOnFail: true,
		});
		expect(continued.output[0].json.httpCode).toBe('404');
	});

	test('invalid JSON body fails naming the field, with no request', async () => {
		const result = await run(
			emu,
			send({ method: 'POST', path: { __rl: true, mode: 'path', value: '/orders' }, body: '{bad' }),
		);
		expect(result.error?.message).toMatch(/'Body \(JSON\)' is not valid JSON/);
		expect(await emu.requests()).toHaveLength(0);
	});
});

// Security: values filled into the path (often from upstream items, e.g. a webhook body) must
// not steer the request to another endpoint on the service host. The check runs on the final
// path, after Path Parameters are filled, and before any request is sent.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { IFlowMiner } from '../../../nodes/IFlowMiner/IFlowMiner.node';
import { runNode } from '../../helpers/engine';
import { useEmulatorHandle } from '../../helpers/suite';
import { apiRequest } from './nodes';

const emu = useEmulatorHandle();

const node = new IFlowMiner();
const byPath = (value: string) => ({ __rl: true, mode: 'path', value });

/**
 * An order and a sample, made through the API; the request log is cleared after. The sample is
 * not linked (a linked one would be protected by the API's own conflict rule, which an attacker
 * does not need: any sample id in the project will do).
 */
async function orderAndSample(): Promise<{ orderId: string; sampleId: string }> {
	const subject = await emu.api<IDataObject>('miner', 'POST', '/subjects', { body: { display_id: 'SUB-1' } });
	const sample = await emu.api<IDataObject>('miner', 'POST', '/samples', {
		body: { subject_id: subject.id, display_id: 'SAM-1' },
	});
	const order = await emu.api<IDataObject>('miner', 'POST', '/orders', {
		body: { display_id: 'ORD-1' },
	});
	await emu.clearRequests();
	return { orderId: String(order.id), sampleId: String(sample.id) };
}

const unlink = (extra: INodeParameters = {}): INodeParameters =>
	apiRequest(byPath('/orders/{order_id}/samples/{sample_id}'), {
		method: 'DELETE',
		pathParameters: {
			parameter: [
				{ name: 'order_id', value: '={{ $json.order_id }}' },
				{ name: 'sample_id', value: '={{ $json.sample_id }}' },
			],
		},
		...extra,
	});

async function sampleStillExists(sampleId: string): Promise<boolean> {
	const found = await emu.api<IDataObject>('miner', 'GET', `/samples/${sampleId}`, { allowError: true, full: true });
	return (found as { status?: number }).status === 200;
}

describe('API Request: path values cannot steer the request', () => {
	test('order_id ".." from an upstream item does not turn an unlink into a sample delete', async () => {
		const { sampleId } = await orderAndSample();
		const result = await runNode({
			node,
			parameters: unlink(),
			items: [{ order_id: '..', sample_id: sampleId }],
			credentials: emu.credentials(),
		});
		expect((await emu.requests()).map((r) => `${r.method} ${r.service} ${r.path}`)).toEqual([]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/'Path Parameters' \(order_id\)/);
		expect(await sampleStillExists(sampleId)).toBe(true);
	});

	test('percent-encoded dot segments in the typed path cannot leave /api/v1', async () => {
		const result = await runNode({
			node,
			parameters: apiRequest(byPath('/%2e%2e/%2e%2e/%2e%2e/x')),
			credentials: emu.credentials(),
		});
		expect((await emu.requests()).map((r) => `${r.method} ${r.service} ${r.path}`)).toEqual([]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^'Path': .*"\." or "\.\." path segment/);
	});

	test('a value put into the typed path by an expression is checked too, naming Path', async () => {
		const { sampleId } = await orderAndSample();
		const result = await runNode({
			node,
			parameters: apiRequest(byPath('=/orders/{{ $json.order_id }}/samples/{{ $json.sample_id }}'), {
				method: 'DELETE',
			}),
			items: [{ order_id: '%2E%2e', sample_id: sampleId }],
			credentials: emu.credentials(),
		});
		expect(await emu.requests()).toHaveLength(0);
		expect(result.error?.message).toMatch(/^'Path': /);
		expect(await sampleStillExists(sampleId)).toBe(true);
	});

	test('the real unlink still works, and Continue On Fail keeps the bad item apart', async () => {
		const { orderId, sampleId } = await orderAndSample();
		await emu.api('miner', 'POST', `/orders/${orderId}/samples`, { body: { sample_id: sampleId, role: 'proband' } });
		await emu.clearRequests();
		const result = await runNode({
			node,
			parameters: unlink(),
			items: [
				{ order_id: '..', sample_id: sampleId },
				{ order_id: orderId, sample_id: sampleId },
			],
			credentials: emu.credentials(),
			continueOnFail: true,
		});
		expect(result.output[0].json.error).toMatch(/'Path Parameters' \(order_id\)/);
		expect(result.output[0].pairedItem).toEqual({ item: 0 });
		const sent = await emu.requests({ service: 'miner' });
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /api/v1/orders/${orderId}/samples/${sampleId}`]);
		expect(sent[0].status).toBeLessThan(300);
		expect(await sampleStillExists(sampleId)).toBe(true);
	});
});

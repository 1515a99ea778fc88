import type { INodeParameters } from 'n8n-workflow';

import { IFlowMiner } from '../../../nodes/IFlowMiner/IFlowMiner.node';
import { runNode } from '../../helpers/engine';
import { useEmulatorHandle } from '../../helpers/suite';
import { apiRequest } from './nodes';

const emu = useEmulatorHandle();

const node = new IFlowMiner();
const path = (value: string) => ({ mode: 'path', value });

const CASES: Array<[string, INodeParameters, RegExp]> = [
	[
		'unknown method',
		apiRequest(path('/orders'), { method: '={{ "FETCH" }}' }),
		/'Method' must be one of GET, POST, PUT, PATCH, DELETE, got "FETCH"/,
	],
	['full URL', apiRequest(path('https://evil.example/api/v1/orders')), /'Path': Path must be relative/],
	['.. segment', apiRequest(path('/orders/../admin')), /'Path': Path must not contain "\.\."/],
	['space', apiRequest(path('/orders list')), /'Path': Path must not contain spaces/],
	['query in path', apiRequest(path('/orders?status=created')), /'Path'.*'Query Parameters'/],
	['empty path', apiRequest(path('={{ "" }}')), /'Path': Path is empty/],
	[
		'method of a picked endpoint differs',
		apiRequest({ mode: 'list', value: 'POST /orders/{order_id}/transition' }),
		/'Path' is a POST endpoint but 'Method' is GET/,
	],
	[
		'open placeholder',
		apiRequest(path('/orders/{order_id}')),
		/'Path Parameters': the path still has the placeholder \{order_id\}/,
	],
	[
		'unknown path parameter',
		apiRequest(path('/orders'), { pathParameters: { parameter: [{ name: 'order_id', value: '1' }] } }),
		/'Path Parameters': the path has no placeholder \{order_id\}/,
	],
	[
		'invalid JSON body',
		apiRequest(path('/subjects'), { method: 'POST', body: '{"display_id": ' }),
		/'Body \(JSON\)' is not valid JSON/,
	],
	[
		'JSON body not an object',
		apiRequest(path('/subjects'), { method: 'POST', body: '42' }),
		/'Body \(JSON\)' is not valid JSON/,
	],
];

describe('API Request: bad input is refused before any request', () => {
	test.each(CASES)('%s', async (_name, parameters, message) => {
		const result = await runNode({ node, parameters, credentials: emu.credentials() });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(await emu.requests()).toHaveLength(0);
	});

	test('Continue On Fail gives an error item per bad item and runs the good ones', async () => {
		const result = await runNode({
			node,
			parameters: apiRequest(path('={{ $json.path }}')),
			items: [{ path: '/orders/../x' }, { path: '/labflows' }],
			credentials: emu.credentials(),
			continueOnFail: true,
		});
		expect(result.output[0].json.error).toMatch(/'Path'/);
		expect(result.output[0].pairedItem).toEqual({ item: 0 });
		expect(
			result.output.slice(1).every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 1),
		).toBe(true);
		expect(await emu.requests({ service: 'miner' })).toHaveLength(1);
	});
});

import { apiOperationsFromOpenApi, fillPathParameters, splitMethodAndPath } from '../../../nodes/shared/helpers';
import { serviceOfNodeType } from '../../../nodes/shared/methods';

describe('apiOperationsFromOpenApi', () => {
	test('FastAPI style: full paths from the service root; only /api/v1 is kept', () => {
		const doc = {
			servers: [{ url: 'https://miner.example.org' }],
			paths: {
				'/openapi.json': { get: { summary: 'schema' } },
				'/{report_id}/signoff/pdf': { get: { summary: 'html' } },
				'/api/v1/orders': { get: { summary: 'List orders' }, post: { operationId: 'createOrder' }, parameters: [] },
			},
		};
		expect(apiOperationsFromOpenApi(doc)).toEqual([
			{ method: 'GET', path: '/orders', summary: 'List orders' },
			{ method: 'POST', path: '/orders', summary: 'createOrder' },
		]);
	});

	test('a server URL ending in /api/v1 means relative paths', () => {
		const doc = { servers: [{ url: '/api/v1' }], paths: { '/runs/{run_id}': { delete: { summary: 'Cancel' } } } };
		expect(apiOperationsFromOpenApi(doc)).toEqual([{ method: 'DELETE', path: '/runs/{run_id}', summary: 'Cancel' }]);
	});

	test('anything else gives no operations', () => {
		expect(apiOperationsFromOpenApi('<html>')).toEqual([]);
		expect(apiOperationsFromOpenApi({})).toEqual([]);
	});
});

describe('splitMethodAndPath', () => {
	test.each([
		['GET /orders', { method: 'GET', path: '/orders' }],
		['post  /orders/{id}', { method: 'POST', path: '/orders/{id}' }],
		['/orders', { path: '/orders' }],
		['FETCH /orders', { path: 'FETCH /orders' }],
	])('%s', (input, expected) => expect(splitMethodAndPath(input)).toEqual(expected));
});

describe('fillPathParameters', () => {
	test('fills and encodes', () => {
		expect(fillPathParameters('/samples/{sample_id}/variants', [{ name: 'sample_id', value: 'SMP 1+2?' }])).toEqual({
			problem: 'the value "SMP 1+2?" contains "?" or "#"',
			unsafeField: 'sample_id',
		});
		expect(fillPathParameters('/samples/{sample_id}/variants', [{ name: 'sample_id', value: 'SMP 1+2' }])).toEqual({
			path: '/samples/SMP%201%2B2/variants',
		});
	});
	test.each(['..', '.', '%2e%2E', '.%2e', '%252e%252e', 'a/b', 'a%2Fb', 'a\\b', 'a%5cb', 'x\ny', 'a#b'])(
		'refuses %j, naming the parameter',
		(value) => {
			const filled = fillPathParameters('/orders/{order_id}/samples', [{ name: 'order_id', value }]);
			expect(filled.path).toBeUndefined();
			expect(filled.unsafeField).toBe('order_id');
		},
	);
	test('names what is wrong', () => {
		expect(fillPathParameters('/orders/{order_id}', []).problem).toMatch(/\{order_id\}/);
		expect(fillPathParameters('/orders', [{ name: 'x', value: '1' }]).problem).toMatch(/no placeholder \{x\}/);
		expect(fillPathParameters('/orders/{id}', [{ name: 'id', value: ' ' }]).problem).toMatch(/empty/);
	});
});

describe('serviceOfNodeType', () => {
	test.each([
		['n8n-nodes-iflow.iFlowMiner', 'miner'],
		['CUSTOM.iFlowVcf', 'vcf'],
		['n8n-nodes-iflow.iFlowTrigger', undefined],
	])('%s', (type, service) => expect(serviceOfNodeType(type)).toBe(service));
});

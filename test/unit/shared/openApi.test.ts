import {
	apiOperationsFromOpenApi,
	fillPathParameters,
	findApiOperation,
	splitMethodAndPath,
} from '../../../nodes/shared/helpers';
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
			{ method: 'GET', path: '/orders', summary: 'List orders', query: [] },
			{ method: 'POST', path: '/orders', summary: 'createOrder', query: [] },
		]);
	});

	test('query parameters: inline, path-level and $ref to components are listed by name', () => {
		const doc = {
			components: {
				parameters: { Limit: { name: 'limit', in: 'query' }, Project: { name: 'X-Project-ID', in: 'header' } },
			},
			paths: {
				'/api/v1/orders': {
					parameters: [{ $ref: '#/components/parameters/Project' }],
					get: { parameters: [{ name: 'status', in: 'query' }, { $ref: '#/components/parameters/Limit' }] },
				},
			},
		};
		expect(apiOperationsFromOpenApi(doc)[0].query).toEqual(['status', 'limit']);
	});

	test('findApiOperation: concrete paths fit templates, literal segments win', () => {
		const doc = {
			paths: {
				'/api/v1/runs/{run_id}': { get: {} },
				'/api/v1/runs/by-order/{order_id}': { get: {} },
				'/api/v1/runs/{run_id}/outputs': { get: {} },
			},
		};
		const operations = apiOperationsFromOpenApi(doc);
		expect(findApiOperation(operations, 'GET', '/runs/abc')?.path).toBe('/runs/{run_id}');
		expect(findApiOperation(operations, 'get', '/runs/by-order/o1')?.path).toBe('/runs/by-order/{order_id}');
		expect(findApiOperation(operations, 'GET', '/runs/{id}/outputs')?.path).toBe('/runs/{run_id}/outputs');
		expect(findApiOperation(operations, 'DELETE', '/runs/abc')).toBeUndefined();
		expect(findApiOperation(operations, 'GET', '/reports/abc')).toBeUndefined();
	});

	test('a server URL ending in /api/v1 means relative paths', () => {
		const doc = { servers: [{ url: '/api/v1' }], paths: { '/runs/{run_id}': { delete: { summary: 'Cancel' } } } };
		expect(apiOperationsFromOpenApi(doc)).toEqual([
			{ method: 'DELETE', path: '/runs/{run_id}', summary: 'Cancel', query: [] },
		]);
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

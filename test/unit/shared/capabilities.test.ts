import type { INode } from 'n8n-workflow';

import {
	endpointMissingError,
	endpointNotOfferedError,
	isEndpointNotOffered,
	parameterNotOfferedError,
	queryParameterListed,
	routeListed,
	serviceApi,
} from '../../../nodes/shared/transport/capabilities';
import type { FlowContext } from '../../../nodes/shared/transport/context';

// serviceApi only uses the context as a cache key; the fetch is given.
const context = () => ({}) as FlowContext;
const node = {
	name: 'iFlow VCF',
	type: 'iFlowVcf',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as unknown as INode;

describe("what a server's /openapi.json says it offers", () => {
	test('a document without any /api/v1 route is known: the service has no REST API', async () => {
		const api = await serviceApi(context(), 'vcf', async () => ({
			openapi: '3.1.0',
			servers: [{ url: 'https://vcf.example.org' }],
			paths: { '/openapi.json': { get: {} }, '/docs': { get: {} } },
		}));
		expect(api).toEqual({ known: true, operations: [] });
		expect(routeListed(api, 'GET', '/orders/1/variants')).toBe(false);
	});

	test('no document (an error, or something that is not OpenAPI) is unknown', async () => {
		const failed = await serviceApi(context(), 'report', async () => {
			throw new Error('503');
		});
		expect(failed.known).toBe(false);
		const html = await serviceApi(context(), 'report', async () => '<html>login</html>');
		expect(html.known).toBe(false);
	});

	test('routes and query parameters are looked up in it', async () => {
		const api = await serviceApi(context(), 'miner', async () => ({
			openapi: '3.1.0',
			paths: { '/api/v1/samples': { get: { parameters: [{ name: 'sample_type', in: 'query' }] } } },
		}));
		expect(routeListed(api, 'GET', '/samples')).toBe(true);
		expect(queryParameterListed(api, 'GET', '/samples', 'sample_type')).toBe(true);
		expect(queryParameterListed(api, 'GET', '/samples', 'subject_id')).toBe(false);
	});
});

describe('"not offered" errors', () => {
	const call = { service: 'vcf', method: 'GET', path: '/orders/{order_id}/cache', itemIndex: 0 };

	test('are recognisable, before and after a request', () => {
		expect(isEndpointNotOffered(endpointNotOfferedError(node, call, 'use Files'))).toBe(true);
		expect(isEndpointNotOffered(endpointMissingError(node, call))).toBe(true);
		expect(isEndpointNotOffered(parameterNotOfferedError(node, call, 'gene'))).toBe(true);
		expect(isEndpointNotOffered(new Error('Not found'))).toBe(false);
	});

	test('say what is missing, that the ID is not the problem, and what to use instead', () => {
		const error = endpointNotOfferedError(node, call, 'use Files.');
		expect(error.message).toBe('This iFlow server does not offer GET /orders/{order_id}/cache (vcf service)');
		expect(error.description).toMatch(/This is not a wrong ID\. Instead: use Files\.$/);
		const parameter = parameterNotOfferedError(node, call, 'gene', 'drop the filter.');
		expect(parameter.message).toBe(
			"This iFlow server does not offer the 'gene' parameter of GET /orders/{order_id}/cache (vcf service)",
		);
		expect(parameter.description).toMatch(/Instead: drop the filter\.$/);
	});
});

import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { IFlowApi } from '../../../credentials/IFlowApi.credentials';
import { buildWorkflow } from '../../helpers/engine';
import { CredentialTestProbe } from '../../engine/transport/CredentialTestProbe.node';
import { parseBody, readBody } from '../../../nodes/shared/transport/limits';
import { redactError, redactValue } from '../../../nodes/shared/transport/redact';
import { decideRedirect } from '../../../nodes/shared/transport/redirect';
import { isLoopbackHost, unencryptedUrlProblem } from '../../../nodes/shared/transport/services';

const API = 'https://admin.iflow.intelliseq.com/api/v1/projects?limit=5';

describe('redirect decisions', () => {
	test('same origin: followed, relative or absolute', () => {
		expect(decideRedirect(API, 302, 'GET', '/api/v1/projects-2', 0)).toEqual({
			follow: true,
			url: 'https://admin.iflow.intelliseq.com/api/v1/projects-2',
			method: 'GET',
			keepBody: true,
		});
		expect(decideRedirect(API, 307, 'POST', 'https://admin.iflow.intelliseq.com:443/x', 2)).toMatchObject({
			follow: true,
			method: 'POST',
			keepBody: true,
		});
	});

	test('https → http is a downgrade, even to the same host', () => {
		expect(decideRedirect(API, 302, 'GET', 'http://admin.iflow.intelliseq.com/api/v1/projects', 0)).toEqual({
			follow: false,
			refusal: { reason: 'downgrade', origin: 'http://admin.iflow.intelliseq.com' },
		});
	});

	test('another host, port or scheme is another origin; the origin is named without path or query', () => {
		for (const location of [
			'https://evil.example/steal?sig=abc',
			'https://admin.iflow.intelliseq.com:8443/x',
			'//evil.example/x',
			'https://user:pw@evil.example/x',
		]) {
			const decision = decideRedirect(API, 302, 'GET', location, 0);
			expect(decision.follow).toBe(false);
			if (!decision.follow) {
				expect(decision.refusal.reason).toBe('cross-origin');
				expect(decision.refusal.origin).not.toMatch(/steal|sig|pw|\/x/);
			}
		}
		expect(decideRedirect('http://127.0.0.1:4010/a', 302, 'GET', 'https://127.0.0.1:4010/a', 0)).toMatchObject({
			follow: false,
			refusal: { reason: 'cross-origin' },
		});
	});

	test('a missing, unreadable or non-http Location is refused', () => {
		for (const location of [undefined, '', 'javascript:alert(1)', 'ftp://files.example/x', 'http://[bad']) {
			expect(decideRedirect(API, 302, 'GET', location, 0)).toMatchObject({
				follow: false,
				refusal: { reason: 'invalid' },
			});
		}
	});

	test('hops are bounded', () => {
		expect(decideRedirect(API, 302, 'GET', '/a', 3)).toMatchObject({
			follow: false,
			refusal: { reason: 'too-many', maxHops: 3 },
		});
	});

	test('303, and 301/302 after a POST, continue as GET without the body', () => {
		expect(decideRedirect(API, 303, 'PUT', '/a', 0)).toMatchObject({ method: 'GET', keepBody: false });
		expect(decideRedirect(API, 301, 'POST', '/a', 0)).toMatchObject({ method: 'GET', keepBody: false });
		expect(decideRedirect(API, 302, 'DELETE', '/a', 0)).toMatchObject({ method: 'DELETE', keepBody: true });
		expect(decideRedirect(API, 308, 'POST', '/a', 0)).toMatchObject({ method: 'POST', keepBody: true });
	});
});

describe('plain http', () => {
	test.each([
		['127.0.0.1', true],
		['127.8.9.10', true],
		['localhost', true],
		['LOCALHOST', true],
		['[::1]', true],
		['0.0.0.0', false],
		['127.0.0.1.evil.example', false],
		['localhost.evil.example', false],
		['10.0.0.5', false],
		['[::ffff:7f00:1]', false],
	])('%s is loopback: %s', (host, loopback) => expect(isLoopbackHost(host)).toBe(loopback));

	test('service URLs', () => {
		expect(unencryptedUrlProblem('https://miner.lab.example/api/v1', {})).toBeUndefined();
		expect(unencryptedUrlProblem('http://127.0.0.1:4010/miner/api/v1', {})).toBeUndefined();
		expect(unencryptedUrlProblem('http://miner.lab.example/api/v1', {})).toMatch(
			/plain http:\/\/ for miner\.lab\.example/,
		);
		expect(unencryptedUrlProblem('http://miner.lab.example/api/v1', { allowUnencryptedHttp: true })).toBeUndefined();
		expect(unencryptedUrlProblem('http://localhost@evil.example/api/v1', {})).toMatch(/evil\.example/);
		expect(unencryptedUrlProblem('ftp://x.example/api/v1', {})).toMatch(/https:\/\//);
		expect(unencryptedUrlProblem('not a url/api/v1', {})).toMatch(/not give a valid URL/);
	});

	describe("the credential test's URL", () => {
		const { workflow } = buildWorkflow({ node: new CredentialTestProbe(), parameters: {}, credentials: {} });
		const node = workflow.getNode('Credential Test') as INode;
		const baseUrl = (credentials: Record<string, unknown>) =>
			workflow.expression.getSimpleParameterValue(
				node,
				new IFlowApi().test.request.baseURL as string,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
		const custom = (template: string, allowUnencryptedHttp = false) =>
			baseUrl({ environment: 'custom', baseUrlTemplate: template, allowUnencryptedHttp });

		test('named environments are https', () => {
			expect(baseUrl({ environment: 'staging' })).toBe('https://admin.stg.iflow.intelliseq.com/api/v1');
		});
		test.each([
			'http://127.0.0.1:4010/{service}',
			'http://localhost/{service}/',
			'http://[::1]:4010/{service}',
			'https://{service}.lab.example',
		])('%s is tested as given', (template) => {
			expect(custom(template)).toMatch(/^https?:\/\/[^/]+.*\/api\/v1$/);
			expect(custom(template)).not.toMatch(/\/\/api/);
		});
		test.each([
			'http://{service}.lab.example',
			'HTTP://flow.lab.example/{service}',
			'http://127.0.0.1.evil.example/{service}',
			'http://localhost.evil.example/{service}',
			'http://localhost@evil.example/{service}',
			'http://0.0.0.0:4010/{service}',
		])('%s gets a scheme no client speaks, unless allowed', (template) => {
			expect(custom(template)).toMatch(/^refused-plain-http\.turn-on-allow-unencrypted-http:\/\//);
			expect(custom(template, true)).toMatch(/^http:\/\//i);
		});
	});
});

describe('error scrubbing', () => {
	const node = { id: 'n', name: 'Node', type: 't', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
	const url = 'https://storage.example/b/o.vcf?X-Goog-Signature=0123456789abcdef';

	test('a value with secrets in strings, keys and nested lists', () => {
		expect(
			redactValue({ a: ['Bearer tok-123456', { [`key tok-123456`]: url }], n: 1, ok: true, nil: null }, ['tok-123456']),
		).toEqual({ a: ['Bearer ***', { 'key ***': 'https://storage.example/b/o.vcf?…' }], n: 1, ok: true, nil: null });
	});

	test('cycles and non-data values are dropped, __proto__ stays a key', () => {
		const cyclic: Record<string, unknown> = { name: 'x', fn: () => 1 };
		cyclic.self = cyclic;
		expect(redactValue(cyclic)).toEqual({ name: 'x', fn: undefined, self: undefined });
		const proto = redactValue(JSON.parse('{"__proto__": "tok-123456"}'), ['tok-123456']) as object;
		expect(Object.getOwnPropertyDescriptor(proto, '__proto__')?.value).toBe('***');
	});

	test('everything a NodeApiError keeps', () => {
		const error = new NodeApiError(
			node,
			{ status: 500, detail: { echo: 'tok-123456', url } },
			{
				message: `failed for tok-123456 at ${url}`,
				description: 'd tok-123456',
			},
		);
		const scrubbed = redactError(error, ['tok-123456']);
		expect(scrubbed).toBe(error);
		const saved = JSON.stringify({ ...error, message: error.message, stack: error.stack, cause: error.cause });
		expect(saved).not.toContain('tok-123456');
		expect(saved).not.toContain('0123456789abcdef');
		expect(error.node).toBe(node);
	});
});

describe('bounded bodies', () => {
	async function* chunks(...parts: string[]) {
		for (const part of parts) yield new TextEncoder().encode(part);
	}

	test('read whole under the limit, refused above it', async () => {
		expect(await readBody(chunks('{"a":', '1}'), undefined, 100, [])).toEqual({ text: '{"a":1}' });
		expect(await readBody(chunks('x'.repeat(60), 'x'.repeat(60)), undefined, 100, [])).toEqual({ tooLarge: true });
		expect(await readBody(chunks('{}'), '5000', 100, [])).toEqual({ tooLarge: true });
	});

	test('a stopped read says so', async () => {
		const controller = new AbortController();
		controller.abort();
		expect(await readBody(chunks('{}'), undefined, 100, [controller.signal])).toEqual({ stopped: true });
	});

	test('JSON is parsed like before; other text stays text', () => {
		expect(parseBody('{"a":1}', true)).toEqual({ a: 1 });
		expect(parseBody('a,b\n1,2', true)).toBe('a,b\n1,2');
		expect(parseBody('{"a":1}', false)).toBe('{"a":1}');
		expect(parseBody('', true)).toBe('');
	});
});

import { allText } from '../../helpers/engine';
import { startReceiver } from '../../helpers/receiver';
import type { Receiver } from '../../helpers/receiver';
import { sendJson, startServer } from '../../helpers/server';
import type { TestServer } from '../../helpers/server';
import { credentialsFor, probeAt, PROBE_TOKEN } from './probe';

// The API origin (a server that answers redirects) and another origin (a receiver on another port).
let api: TestServer;
let other: Receiver;
let answer: (path: string) => { status: number; location?: string; body?: unknown };

beforeAll(async () => {
	other = await startReceiver();
	api = await startServer((_req, res, request) => {
		const { status, location, body } = answer(request.path);
		sendJson(res, status, body ?? {}, location ? { location } : {});
	});
});
afterAll(async () => {
	await api.close();
	await other.close();
});
beforeEach(() => {
	api.received.length = 0;
	other.received.length = 0;
});

const get = (path = '/projects') => ({ service: 'admin', method: 'GET', path });

describe('transport redirects', () => {
	test('a redirect to another origin is not followed: the token stays home', async () => {
		answer = () => ({ status: 302, location: `${other.url}/steal?sig=abcdef0123456789abcdef` });
		const result = await probeAt(credentialsFor(api.url), get());

		expect(other.received).toHaveLength(0);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(other.url);
		expect(result.error?.message).not.toContain('steal');
		expect(result.error?.message).not.toContain('sig=');
		expect(`${result.error?.message} ${result.error?.description}`).toMatch(/token was not sent/i);
		expect(allText(result.run)).not.toContain(PROBE_TOKEN);
	});

	test.each([301, 303, 307, 308])('%i to another origin is refused too', async (status) => {
		answer = () => ({ status, location: `${other.url}/elsewhere` });
		const result = await probeAt(credentialsFor(api.url), get());
		expect(other.received).toHaveLength(0);
		expect(result.error?.httpCode).toBe(String(status));
	});

	test('a redirect on the same origin is followed, with the token', async () => {
		answer = (path) =>
			path === '/admin/api/v1/projects'
				? { status: 302, location: '/admin/api/v1/projects-moved?page=2' }
				: { status: 200, body: { items: [{ id: 'p1' }] } };
		const result = await probeAt(credentialsFor(api.url), get());

		expect(result.status).toBe('success');
		expect(result.output[0].json.body).toEqual({ items: [{ id: 'p1' }] });
		expect(api.received.map((r) => r.path)).toEqual(['/admin/api/v1/projects', '/admin/api/v1/projects-moved?page=2']);
		expect(api.received.every((r) => r.headers.authorization === `Bearer ${PROBE_TOKEN}`)).toBe(true);
	});

	test('same-origin redirects are bounded (3 hops)', async () => {
		let hop = 0;
		answer = () => ({ status: 302, location: `/admin/api/v1/loop-${++hop}` });
		const result = await probeAt(credentialsFor(api.url), get());

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/too many redirects/i);
		expect(api.received).toHaveLength(4);
	});

	test('a POST answered 303 on the same origin continues as a GET without the body', async () => {
		answer = (path) =>
			path === '/admin/api/v1/things'
				? { status: 303, location: '/admin/api/v1/things/1' }
				: { status: 200, body: { id: '1' } };
		const result = await probeAt(credentialsFor(api.url), {
			service: 'admin',
			method: 'POST',
			path: '/things',
			body: JSON.stringify({ name: 'x' }),
		});
		expect(result.status).toBe('success');
		expect(api.received.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual([
			'POST /admin/api/v1/things {"name":"x"}',
			'GET /admin/api/v1/things/1 ',
		]);
	});
});

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { allText, runNode } from '../../helpers/engine';
import { startReceiver } from '../../helpers/receiver';
import type { Receiver } from '../../helpers/receiver';
import { sendJson, startServer } from '../../helpers/server';
import type { TestServer } from '../../helpers/server';
import { CredentialTestProbe } from './CredentialTestProbe.node';
import { credentialsFor, probeAt, PROBE_TOKEN } from './probe';

// 0.0.0.0 is not a loopback name, yet on Linux it reaches a server on 127.0.0.1: a stand-in for
// a remote plain-http host that lets the test see whether the token would have been sent.
let receiver: Receiver;
const remote = () => receiver.url.replace('127.0.0.1', '0.0.0.0');

beforeAll(async () => (receiver = await startReceiver()));
afterAll(async () => await receiver.close());
beforeEach(() => (receiver.received.length = 0));

const get = { service: 'admin', method: 'GET', path: '/projects' };
const testCredential = async (credentials: ICredentialDataDecryptedObject) =>
	await runNode({ node: new CredentialTestProbe(), parameters: {}, credentials });

describe('plain http:// in the URL template', () => {
	test('is refused for a host other than this machine, before any request', async () => {
		const result = await probeAt(credentialsFor(remote()), get);
		expect(receiver.received).toHaveLength(0);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/URL Template.*unencrypted/i);
		expect(result.error?.description).toMatch(/Allow Unencrypted HTTP/);
		expect(allText(result.run)).not.toContain(PROBE_TOKEN);
	});

	test('is sent when the credential allows unencrypted HTTP', async () => {
		const result = await probeAt(credentialsFor(remote(), { allowUnencryptedHttp: true }), get);
		expect(result.status).toBe('success');
		expect(receiver.received).toHaveLength(1);
	});

	test.each(['127.0.0.1', 'localhost'])('is fine for loopback (%s)', async (host) => {
		const result = await probeAt(credentialsFor(receiver.url.replace('127.0.0.1', host)), get);
		expect(result.status).toBe('success');
		expect(receiver.received).toHaveLength(1);
	});
});

describe('the credential test ("Test credential" in n8n)', () => {
	test('sends the token to a loopback emulator', async () => {
		const result = await testCredential(credentialsFor(receiver.url));
		expect(result.status).toBe('success');
		expect(receiver.received[0]).toMatchObject({
			method: 'GET',
			path: '/admin/api/v1/projects',
			headers: { authorization: `Bearer ${PROBE_TOKEN}` },
		});
	});

	test('refuses plain http to another host without sending anything', async () => {
		const result = await testCredential(credentialsFor(remote()));
		expect(result.status).toBe('error');
		expect(receiver.received).toHaveLength(0);
		expect(result.error?.message).toMatch(/allow-unencrypted-http/i);
	});

	test('sends it there once Allow Unencrypted HTTP is on', async () => {
		const result = await testCredential(credentialsFor(remote(), { allowUnencryptedHttp: true }));
		expect(result.status).toBe('success');
		expect(receiver.received).toHaveLength(1);
	});

	describe('redirects', () => {
		let api: TestServer;
		beforeAll(async () => {
			api = await startServer((_req, res) => sendJson(res, 302, {}, { location: `${receiver.url}/steal` }));
		});
		afterAll(async () => await api.close());

		test('are not followed, so the token never leaves for another origin', async () => {
			const result = await testCredential(credentialsFor(api.url));
			expect(api.received).toHaveLength(1);
			expect(receiver.received).toHaveLength(0);
			expect(result.status).toBe('error');
		});
	});
});

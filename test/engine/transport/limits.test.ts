import { sleep } from 'n8n-workflow';

import { sendJson, startServer } from '../../helpers/server';
import type { TestServer } from '../../helpers/server';
import { credentialsFor, probeAt } from './probe';

let server: TestServer;
let handle: Parameters<typeof startServer>[0];
let trickled: Promise<{ clientClosed: boolean; afterMs: number }> | undefined;

beforeAll(async () => {
	server = await startServer((req, res, request) => handle(req, res, request));
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.received.length = 0;
	trickled = undefined;
});

const get = { service: 'admin', method: 'GET', path: '/projects' };
/** A JSON list of about `bytes` bytes. */
const bigList = (bytes: number) => ({
	items: Array.from({ length: Math.ceil(bytes / 20) }, (_, i) => `item-${i}-padding`),
});

describe('transport time bound', () => {
	test('a body trickled slower than any idle timeout still ends at the deadline', async () => {
		// One byte every 200 ms keeps the 1 s idle timeout from ever firing; the answer would
		// take 20 s. The 1.5 s deadline ends it.
		handle = (_req, res) => (trickled = server.trickle(res, { intervalMs: 200, maxMs: 20_000, head: '{"items":[' }));
		const started = Date.now();
		const result = await probeAt(credentialsFor(server.url), { ...get, timeout: 1000, deadline: 1500 });
		const took = Date.now() - started;

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/did not answer within 1\.5 s/);
		expect(took).toBeLessThan(5000);
		// The connection was dropped, not left trickling, and the call was not repeated.
		expect((await trickled)?.clientClosed).toBe(true);
		expect(server.received).toHaveLength(1);
	});

	test('headers that never come also end at the deadline', async () => {
		handle = () => undefined; // never answers; close() drops the socket
		const started = Date.now();
		const result = await probeAt(credentialsFor(server.url), { ...get, timeout: 10_000, deadline: 1000 });
		expect(result.error?.message).toMatch(/did not answer within 1 s/);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('an answer within the deadline is not affected', async () => {
		handle = (_req, res) => sendJson(res, 200, { items: [] });
		const result = await probeAt(credentialsFor(server.url), { ...get, deadline: 1000 });
		expect(result.status).toBe('success');
	});
});

describe('transport size bound', () => {
	test('an oversized JSON answer (content-length) fails with a clear error', async () => {
		handle = (_req, res) => sendJson(res, 200, bigList(300_000));
		const result = await probeAt(credentialsFor(server.url), { ...get, maxBodyBytes: 100_000 });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/answer is larger than 98 KiB/);
	});

	test('an oversized chunked answer (no content-length) is cut off at the limit', async () => {
		handle = (_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			const chunk = 'x'.repeat(16_384);
			let sent = 0;
			const write = (): void => {
				while (sent < 2_000_000 && !res.destroyed) {
					sent += chunk.length;
					if (!res.write(chunk)) {
						res.once('drain', write);
						return;
					}
				}
				res.end();
			};
			write();
		};
		const result = await probeAt(credentialsFor(server.url), { ...get, maxBodyBytes: 100_000 });
		expect(result.error?.message).toMatch(/answer is larger than 98 KiB/);
	});

	test('an error answer is bounded as well', async () => {
		handle = (_req, res) => sendJson(res, 500, { detail: 'x'.repeat(300_000) });
		const result = await probeAt(credentialsFor(server.url), { ...get, maxBodyBytes: 100_000 });
		expect(result.error?.message).toMatch(/answer is larger than 98 KiB/);
	});

	test('an answer under the limit is parsed as usual', async () => {
		handle = (_req, res) => sendJson(res, 200, bigList(50_000));
		const result = await probeAt(credentialsFor(server.url), { ...get, maxBodyBytes: 100_000 });
		expect(result.status).toBe('success');
		expect((result.output[0].json.body as { items: string[] }).items.length).toBe(2500);
	});
});

describe('signed-URL transfers', () => {
	test('cancelling the execution stops a download at once', async () => {
		handle = (_req, res) =>
			(trickled = server.trickle(res, {
				intervalMs: 50,
				chunk: 'y'.repeat(1024),
				maxMs: 15_000,
				contentType: 'application/octet-stream',
			}));
		let cancelledAt = 0;
		const result = await probeAt(
			credentialsFor(server.url),
			{ operation: 'download', url: `${server.url}/_signed/bucket/file.bin?X-Goog-Signature=0123456789abcdef0123` },
			{
				onStart: (pending) => {
					const waitForRequest = async () => {
						while (server.received.length === 0) await sleep(10);
						await sleep(300);
						cancelledAt = Date.now();
						pending.cancel?.();
					};
					void waitForRequest();
				},
			},
		);
		const stopped = await trickled;
		expect(stopped?.clientClosed).toBe(true);
		expect(Date.now() - cancelledAt).toBeLessThan(3000);
		expect(result.status).not.toBe('success');
		expect(result.error?.message).toBe('The download of probe.bin was stopped: the execution was cancelled');
		// The URL itself is a parameter of the probe (the error's `node` carries it): check the rest.
		expect(JSON.stringify({ ...result.error, node: undefined })).not.toContain('0123456789abcdef0123');
	});
});

// @ts-check
// Shared by the core/admin/compute/files/audit tests: an in-process emulator plus small HTTP helpers.
import http from 'node:http';
import { start } from '../index.js';

export const ORG = '6f1c2b9e-3a41-4d7e-9a55-0c2f6b8d1e01';
export const A = 'a3d9e0f4-58c2-4b0a-8d0e-7f1d2c3b4a50';
export const B = 'b5e0c1d2-3f4a-4b5c-9d6e-7f8091a2b3c4';
export const HM_100 = '5c2e8f10-7d3b-4e61-9a2f-1b0c9d8e7f60';
export const HM_110 = '5c2e8f10-7d3b-4e61-9a2f-1b0c9d8e7f61';
export const NF_010 = '7a1d3e5f-2b4c-4d6e-8f01-a2b3c4d5e6f7';
export const TOKENS = { admin: 'flow-admin-token', editor: 'flow-editor-token', viewer: 'flow-viewer-token', expired: 'flow-expired-token' };

/**
 * @typedef {{ as?: keyof typeof TOKENS | null, project?: string | null, body?: any, rawBody?: string,
 *   query?: Record<string, any>, headers?: Record<string, string> }} CallOpts
 */

/** @param {Parameters<typeof start>[0]} [opts] */
export async function startEmulator(opts = {}) {
	// The suite tests the full profile whatever FLOW_EMULATOR_PROFILE says (tests/profiles.test.js covers documented).
	const emu = await start({ port: 0, validateResponses: true, profile: 'full', ...opts });

	/** @param {string} service @param {string} method @param {string} path @param {CallOpts} [o] */
	async function call(service, method, path, o = {}) {
		const url = new URL(`${emu.url}/${service}${path}`);
		for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
		/** @type {Record<string, string>} */
		const headers = { ...(o.headers ?? {}) };
		if (o.as !== null) headers.authorization = `Bearer ${TOKENS[o.as ?? 'admin']}`;
		if (o.project) headers['x-project-id'] = o.project;
		let payload = o.rawBody;
		if (o.body !== undefined) {
			headers['content-type'] = 'application/json';
			payload = JSON.stringify(o.body);
		}
		const res = await fetch(url, { method, headers, body: payload });
		const text = await res.text();
		const type = res.headers.get('content-type') ?? '';
		return { status: res.status, headers: res.headers, body: type.includes('json') && text ? JSON.parse(text) : text };
	}

	/** @param {string} method @param {string} path @param {any} [body] */
	async function control(method, path, body) {
		const res = await fetch(`${emu.url}/_emulator${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, body: text ? JSON.parse(text) : null };
	}

	return { emu, url: emu.url, call, control };
}

/**
 * Raw request with full control over headers (fetch cannot set Host).
 * @param {string} url @param {{ method?: string, headers?: Record<string,string>, body?: string }} [o]
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, body: string }>}
 */
export function rawRequest(url, o = {}) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: o.method ?? 'GET', headers: o.headers }, (res) => {
			/** @type {Buffer[]} */
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(o.body);
	});
}

/** A local HTTP receiver for run callbacks; `fail` first N requests with 500. @param {{ fail?: number }} [o] */
export async function startReceiver({ fail = 0 } = {}) {
	/** @type {{ headers: http.IncomingHttpHeaders, body: any, status: number }[]} */
	const received = [];
	/** @type {(() => void)[]} */
	let waiters = [];
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const status = received.length < fail ? 500 : 200;
			received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), status });
			res.writeHead(status).end();
			waiters.forEach((w) => w());
			waiters = [];
		});
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
	const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		/** Resolves once `n` requests have arrived. @param {number} n */
		async waitFor(n) {
			while (received.length < n) await new Promise((r) => waiters.push(() => r(undefined)));
			return received;
		},
		close: () => new Promise((r) => server.close(() => r(undefined))),
	};
}

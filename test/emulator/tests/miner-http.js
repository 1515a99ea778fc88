// Shared by the miner/report/vcf tests: start an emulator and call it over real HTTP.
import { start } from '../index.js';

export const PROJECT_A = 'a3d9e0f4-58c2-4b0a-8d0e-7f1d2c3b4a50';
export const PROJECT_B = 'b5e0c1d2-3f4a-4b5c-9d6e-7f8091a2b3c4';
export const BUCKET_A = 'bgl-hereditary-2026';
export const TOKENS = {
	admin: 'flow-admin-token',
	editor: 'flow-editor-token',
	viewer: 'flow-viewer-token',
	expired: 'flow-expired-token',
};

/**
 * @param {object} [opts] passed to start()
 * @returns {Promise<{emu: any, call: Function, control: Function}>}
 */
export async function startEmulator(opts = {}) {
	const emu = await start({ port: 0, validateResponses: true, ...opts });
	const base = emu.url.replace(/\/$/, '');

	/**
	 * @param {string} service
	 * @param {string} method
	 * @param {string} path  service path, e.g. /api/v1/orders
	 * @param {{as?: keyof TOKENS, project?: string|null, body?: any, query?: Record<string, any>, headers?: Record<string,string>}} [o]
	 */
	async function call(service, method, path, o = {}) {
		const url = new URL(`${base}/${service}${path}`);
		for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
		const headers = { ...(o.headers ?? {}) };
		if (o.as !== null) headers.authorization = `Bearer ${TOKENS[o.as ?? 'admin']}`;
		const project = o.project === undefined ? PROJECT_A : o.project;
		if (project) headers['x-project-id'] = project;
		let payload;
		if (o.body !== undefined) {
			headers['content-type'] = 'application/json';
			payload = JSON.stringify(o.body);
		}
		const res = await fetch(url, { method, headers, body: payload });
		const type = res.headers.get('content-type') ?? '';
		const raw = Buffer.from(await res.arrayBuffer());
		const body = type.includes('json') && raw.length ? JSON.parse(raw.toString('utf8')) : raw.toString('utf8');
		return { status: res.status, headers: res.headers, body, raw };
	}

	/** Control API (never under a service prefix). */
	async function control(method, path, body) {
		const res = await fetch(`${base}/_emulator${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, body: text ? JSON.parse(text) : null };
	}

	return { emu, call, control };
}

let counter = 0;
/** A display id unique within one test run. */
export const uniqueId = (prefix) => `${prefix}-${process.pid}-${++counter}`;

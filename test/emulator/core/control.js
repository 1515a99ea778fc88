// @ts-check
/** Control API under `/_emulator/` (never under a service prefix; not logged, no faults). */
import { HttpError } from './errors.js';
import { sendJson } from './emulator.js';

/**
 * @param {import('./emulator.js').Emulator} emu
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {URL} url
 */
export async function handleControl(emu, req, res, url) {
	const method = (req.method ?? 'GET').toUpperCase();
	const path = url.pathname.replace(/^\/_emulator/, '') || '/';
	try {
		const body = await readJson(req);
		const out = await route(emu, method, path, body, url.searchParams);
		if (out === undefined) return sendJson(res, 404, { detail: `Unknown control route ${method} ${url.pathname}` });
		return sendJson(res, out.status ?? 200, out.body);
	} catch (err) {
		if (err instanceof HttpError) return sendJson(res, err.status, { detail: err.detail });
		process.stderr.write(`emulator control error: ${/** @type {Error} */ (err).stack}\n`);
		return sendJson(res, 500, { detail: String(/** @type {Error} */ (err).message) });
	}
}

/** @param {import('node:http').IncomingMessage} req */
async function readJson(req) {
	/** @type {Buffer[]} */
	const chunks = [];
	for await (const c of req) chunks.push(c);
	const raw = Buffer.concat(chunks).toString('utf8').trim();
	if (!raw) return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		throw new HttpError(400, 'control API bodies are JSON');
	}
}

/**
 * @param {import('./emulator.js').Emulator} emu @param {string} method @param {string} path @param {any} body @param {URLSearchParams} q
 * @returns {Promise<{status?: number, body?: any} | undefined>}
 */
async function route(emu, method, path, body, q) {
	const key = `${method} ${path}`;
	switch (key) {
		case 'GET /':
			return { body: { routes: ['POST /reset', 'POST /seed', 'GET /state', 'GET|DELETE /requests', 'GET|POST|DELETE /faults', 'DELETE /faults/{id}', 'GET|POST /clock', 'POST /clock/advance', 'GET|POST /profile', ...emu.controlRoutes.keys()] } };
		case 'POST /reset':
			// The profile (and maxPageSize) stays: switching it is POST /profile's job.
			emu.recorder.clear();
			emu.faults.remove();
			emu.clock.setMode(emu.startClockMode ?? emu.clock.mode);
			await emu.loadState(body && Object.keys(body).length ? body : undefined);
			return { body: { ok: true } };
		case 'POST /seed':
			if (!body || typeof body !== 'object') throw new HttpError(400, 'seed body must be a JSON object');
			await emu.mergeSeed(body);
			return { body: { ok: true } };
		case 'GET /state':
			return { body: emu.state };
		case 'GET /requests': {
			let list = emu.recorder.entries;
			const service = q.get('service');
			const m = q.get('method');
			const since = q.get('since');
			if (service) list = list.filter((e) => e.service === service);
			if (m) list = list.filter((e) => e.method === m.toUpperCase());
			if (since) list = list.filter((e) => e.seq > Number(since));
			return { body: list };
		}
		case 'DELETE /requests':
			emu.recorder.clear();
			return { body: { ok: true } };
		case 'GET /faults':
			return { body: emu.faults.rules };
		case 'POST /faults':
			return { status: 201, body: { id: emu.faults.add(body).id } };
		case 'DELETE /faults':
			return { body: { removed: emu.faults.remove() } };
		case 'GET /clock':
			return { body: clockView(emu) };
		case 'POST /clock': {
			if (!['real', 'fast', 'manual'].includes(body?.mode)) throw new HttpError(400, 'mode must be real, fast or manual');
			emu.clock.setMode(body.mode);
			return { body: clockView(emu) };
		}
		case 'GET /profile':
			return { body: profileView(emu) };
		case 'POST /profile': {
			if (!body || typeof body !== 'object') throw new HttpError(400, 'body must be {"profile": "documented"|"full", "maxPageSize"?: n}');
			try {
				emu.setProfile(body.profile ?? emu.profile, { maxPageSize: body.maxPageSize });
			} catch (err) {
				throw new HttpError(400, /** @type {Error} */ (err).message);
			}
			return { body: profileView(emu) };
		}
		case 'POST /clock/advance': {
			const ms = Number(body?.ms);
			if (!Number.isFinite(ms) || ms < 0) throw new HttpError(400, 'ms must be a non-negative number');
			emu.clock.advance(ms);
			// Answer once fired tasks have finished their async work (e.g. run outputs written).
			await emu.clock.settled();
			return { body: clockView(emu) };
		}
	}
	const fm = /^DELETE \/faults\/([^/]+)$/.exec(key);
	if (fm) {
		if (!emu.faults.remove(fm[1])) throw new HttpError(404, 'Fault rule not found');
		return { body: { removed: 1 } };
	}
	for (const [pattern, fn] of emu.controlRoutes) {
		const params = matchControl(pattern, method, path);
		if (params) return fn({ emu, state: emu.state, params, body, query: q });
	}
	return undefined;
}

/** @param {import('./emulator.js').Emulator} emu */
function profileView(emu) {
	return { profile: emu.profile, maxPageSize: emu.maxPageSize };
}

/** @param {import('./emulator.js').Emulator} emu */
function clockView(emu) {
	return { mode: emu.clock.mode, now: emu.clock.iso(), pending: emu.clock.tasks.length };
}

/** `'POST /runs/{id}/outcome'` against a method + path. @param {string} pattern @param {string} method @param {string} path */
function matchControl(pattern, method, path) {
	const [pm, pp] = pattern.split(' ');
	if (pm !== method) return null;
	const a = pp.split('/').filter(Boolean);
	const b = path.split('/').filter(Boolean);
	if (a.length !== b.length) return null;
	/** @type {Record<string, string>} */
	const params = {};
	for (let i = 0; i < a.length; i++) {
		if (a[i].startsWith('{')) params[a[i].slice(1, -1)] = decodeURIComponent(b[i]);
		else if (a[i] !== b[i]) return null;
	}
	return params;
}

// @ts-check
/**
 * The emulator: one node:http server for all seven services. Request pipeline:
 * control API / signed URLs → service choice → fault rules → route (404/405) → meta routes →
 * auth (401) → X-Project-ID rule (400/403) → validation (422) → service handler → audit
 * fallback → optional response check → answer + request log.
 * Routes, validation and /openapi.json come from the active profile's view of the spec
 * (core/profile.js); `documented` also reshapes answers (x-inferred fields, order, headers).
 */
import http from 'node:http';
import { EventEmitter, once } from 'node:events';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HttpError } from './errors.js';
import { SERVICES } from './spec.js';
import { pickService } from './router.js';
import { fullView, documentedView, checkProfile, checkMaxPageSize, stripForOperation, newestFirst } from './profile.js';
import { Clock } from './clock.js';
import { Buckets, normalizeKey } from './buckets.js';
import { Signer } from './signer.js';
import { Recorder } from './recorder.js';
import { Faults } from './faults.js';
import { authenticate, redactAuthorization, roleIn } from './access.js';
import { baseState, mergeSeed } from './state.js';
import { createContext } from './context.js';
import { isUuid } from './ids.js';
import { recordAudit } from './audit.js';
import { serviceOpenApi, docsHtml } from './meta.js';
import { handleControl } from './control.js';
import { handleSigned } from './storage.js';

const MAX_JSON_BODY = 16 * 1024 * 1024;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class Emulator {
	/**
	 * @param {object} o
	 * @param {string} o.specDir
	 * @param {any} o.seed parsed seed
	 * @param {any[]} o.modules service modules
	 * @param {import('./clock.js').ClockMode} [o.clock]
	 * @param {string} [o.dataDir]
	 * @param {string} [o.logFile]
	 * @param {boolean} [o.validateResponses]
	 * @param {Record<string, any>} [o.config] free-form settings for services (e.g. run durations)
	 * @param {string} [o.publicUrl] base URL put into signed URLs (default: the listening address)
	 * @param {import('./profile.js').ProfileName} [o.profile] `full` (default) or `documented` (README "Profiles")
	 * @param {number | null} [o.maxPageSize] list endpoints answer at most this many records whatever `limit` asks
	 */
	constructor({ specDir, seed, modules, clock = 'real', dataDir, logFile, validateResponses = true, config = {}, publicUrl, profile = 'full', maxPageSize = null }) {
		this.specDir = specDir;
		/** @type {Partial<Record<import('./profile.js').ProfileName, import('./profile.js').SpecView>>} built on first use */
		this.views = { full: fullView(specDir) };
		this.validateResponses = validateResponses;
		this.config = config;
		this.clock = new Clock({ mode: clock });
		this.startClockMode = clock;
		/** @type {import('./profile.js').SpecView} */
		this.view = /** @type {any} */ (this.views.full);
		/** @type {import('./profile.js').ProfileName} */
		this.profile = 'full';
		/** @type {number | null} */
		this.maxPageSize = null;
		this.setProfile(profile, { maxPageSize });
		this.ownsDataDir = !dataDir;
		this.dataDir = dataDir ?? mkdtempSync(join(tmpdir(), 'flow-emulator-'));
		mkdirSync(this.dataDir, { recursive: true });
		this.buckets = new Buckets(this.dataDir, () => this.clock.now());
		this.url = 'http://127.0.0.1:0';
		this.publicUrl = publicUrl?.replace(/\/+$/, '');
		this.signer = new Signer(() => this.publicUrl ?? this.url, () => this.clock.now());
		this.recorder = new Recorder(logFile);
		this.faults = new Faults();
		this.hooks = new EventEmitter();
		this.initialSeed = seed;
		/** @type {Map<string, any>} */
		this.modules = new Map(modules.map((m) => [m.service, m]));
		/** @type {Map<string, (c: any) => any>} control routes added by service modules: 'POST /runs/{id}/outcome' */
		this.controlRoutes = new Map();
		for (const m of modules) for (const [k, fn] of Object.entries(m.control ?? {})) this.controlRoutes.set(k, fn);
		this.projectFiles = this.makeProjectFiles();
		/** @type {any} */
		this.state = null;
		/** @type {Set<import('node:net').Socket>} */
		this.sockets = new Set();
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((err) => {
				process.stderr.write(`emulator: unhandled ${err?.stack ?? err}\n`);
				if (!res.headersSent) sendJson(res, 500, { detail: 'Internal Server Error' });
				else res.destroy();
			});
		});
		this.server.on('connection', (s) => {
			this.sockets.add(s);
			s.on('close', () => this.sockets.delete(s));
		});
		this.ready = this.loadState(seed);
		for (const m of modules) m.init?.(this);
	}

	/** The active profile's spec (merged with the overlays in `full`, the reference slice in `documented`). */
	get doc() {
		return this.view.doc;
	}

	get operations() {
		return this.view.operations;
	}

	/**
	 * Switch profile live (state, buckets and clock stay). `maxPageSize` is part of the setting:
	 * absent = no cap. Throws on an unknown profile or a bad size.
	 * @param {string} name @param {{ maxPageSize?: number | null }} [o]
	 */
	setProfile(name, { maxPageSize } = {}) {
		const profile = checkProfile(name);
		const cap = checkMaxPageSize(maxPageSize);
		if (profile === 'documented') this.views.documented ??= documentedView(this.specDir, /** @type {any} */ (this.views.full));
		this.view = /** @type {import('./profile.js').SpecView} */ (this.views[profile]);
		this.profile = profile;
		this.maxPageSize = cap;
		this.clock.wholeSeconds = profile === 'documented';
	}

	/** @param {number} port @param {string} host */
	async listen(port, host = '127.0.0.1') {
		await new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => resolve(undefined));
		});
		const addr = /** @type {import('node:net').AddressInfo} */ (this.server.address());
		this.url = `http://${host}:${addr.port}`;
		this.port = addr.port;
		return this.url;
	}

	async stop() {
		this.hooks.emit('stop');
		this.clock.stop();
		for (const s of this.sockets) s.destroy();
		await new Promise((resolve) => this.server.close(() => resolve(undefined)));
		if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
	}

	/** Fresh state from a seed (default: the start seed); buckets emptied, timers dropped. @param {any} [seed] */
	loadState(seed = this.initialSeed) {
		this.clock.clear();
		this.hooks.emit('reset');
		this.buckets.wipe();
		const state = baseState(seed);
		for (const m of this.modules.values()) m.initState?.(state, seed, this);
		this.state = state;
		return this.writeSeedFiles(seed.files);
	}

	/** `POST /_emulator/seed`. @param {any} partial */
	async mergeSeed(partial) {
		mergeSeed(this.state, partial);
		for (const m of this.modules.values()) m.mergeSeed?.(this.state, partial, this);
		await this.writeSeedFiles(partial.files);
	}

	/** Seed `files`: `{ "<project id>": { "<key>": "text" | { content?, base64?, content_type? } } }`. @param {any} files */
	async writeSeedFiles(files) {
		for (const [projectId, objects] of Object.entries(files ?? {})) {
			for (const [key, spec] of Object.entries(/** @type {any} */ (objects))) {
				const data = typeof spec === 'string' ? spec : spec.base64 ? Buffer.from(spec.base64, 'base64') : String(spec.content ?? '');
				await this.projectFiles.write(projectId, normalizeKey(key), data, typeof spec === 'object' ? spec.content_type : undefined);
			}
		}
	}

	/** Bucket helpers addressed by project id (ctx.files). */
	makeProjectFiles() {
		const b = this.buckets;
		const bucketOf = (/** @type {string} */ projectId) => {
			const p = this.state.projects.find((/** @type {any} */ x) => x.id === projectId);
			if (!p || !p.bucket_name) throw new HttpError(404, 'Project bucket not found');
			return String(p.bucket_name).replace(/^(gs|s3):\/\//, '').replace(/\/+$/, '');
		};
		return {
			bucketOf,
			/** `gs://<bucket>/<key>` */
			uri: (/** @type {string} */ pid, /** @type {string} */ key) => `gs://${bucketOf(pid)}/${key}`,
			/** Bucket-relative key of a `gs://<bucket>/...` URI (or of an already relative path). */
			keyFromUri: (/** @type {string} */ pid, /** @type {string} */ uri) => String(uri).replace(new RegExp(`^(gs|s3)://${bucketOf(pid)}/`), '').replace(/^\/+/, ''),
			stat: (/** @type {string} */ pid, /** @type {string} */ key) => b.stat(bucketOf(pid), key),
			isFolder: (/** @type {string} */ pid, /** @type {string} */ prefix) => b.isFolder(bucketOf(pid), prefix),
			list: (/** @type {string} */ pid, /** @type {string} */ prefix, /** @type {any} */ o) => b.list(bucketOf(pid), prefix, o),
			keys: (/** @type {string} */ pid, prefix = '') => b.keys(bucketOf(pid), prefix),
			write: (/** @type {string} */ pid, /** @type {string} */ key, /** @type {string|Buffer} */ data, /** @type {string|undefined} */ ct) => b.write(bucketOf(pid), key, data, ct),
			read: (/** @type {string} */ pid, /** @type {string} */ key) => b.read(bucketOf(pid), key),
			reader: (/** @type {string} */ pid, /** @type {string} */ key) => b.reader(bucketOf(pid), key),
			remove: (/** @type {string} */ pid, /** @type {string} */ key) => b.remove(bucketOf(pid), key),
			removePrefix: (/** @type {string} */ pid, /** @type {string} */ prefix) => b.removePrefix(bucketOf(pid), prefix),
			copy: (/** @type {string} */ pid, /** @type {string} */ src, /** @type {string} */ dst) => b.copy(bucketOf(pid), src, dst),
			/** Signed URL served by the emulator. */
			signedUrl: (/** @type {string} */ pid, /** @type {string} */ key, /** @type {{method?: 'GET'|'PUT', contentType?: string, expiresIn?: number}} */ o = {}) =>
				this.signer.sign({ bucket: bucketOf(pid), key, ...o }),
		};
	}

	/** Emit a hook; a failing listener is logged, never breaks the caller's flow. @param {string} event @param {...any} args */
	emitSafe(event, ...args) {
		for (const fn of this.hooks.listeners(event)) {
			try {
				const out = /** @type {any} */ (fn)(...args);
				if (out && typeof out.catch === 'function') out.catch((/** @type {any} */ err) => process.stderr.write(`emulator hook ${event} failed: ${err?.stack ?? err}\n`));
			} catch (err) {
				process.stderr.write(`emulator hook ${event} failed: ${/** @type {Error} */ (err).stack}\n`);
			}
		}
	}

	/** Audit outside a request (e.g. a run finishing on the clock). @param {any} who @param {import('./audit.js').AuditInput} input */
	audit(who, input) {
		return recordAudit(this.state, this.clock, who ?? {}, input);
	}

	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
	async handle(req, res) {
		const url = new URL(req.url ?? '/', 'http://x');
		const method = (req.method ?? 'GET').toUpperCase();
		if (url.pathname === '/_emulator' || url.pathname.startsWith('/_emulator/')) return handleControl(this, req, res, url);
		if (url.pathname.startsWith('/_signed/')) return handleSigned(this, req, res, url);

		const picked = pickService(String(req.headers.host ?? ''), url.pathname);
		const rawBody = await readBody(req);
		const entry = this.recorder.add({
			time: this.clock.iso(),
			method,
			service: picked?.service ?? null,
			path: picked?.path ?? url.pathname,
			query: queryObject(url.searchParams),
			headers: this.redactHeaders(req.headers),
			body: parseMaybeJson(rawBody),
			status: null,
		});
		/** @param {number} status @param {any} body @param {Record<string,string>} [headers] @param {any} [fault] */
		const answer = (status, body, headers = {}, fault = null) => {
			entry.status = status;
			this.recorder.finish(entry);
			return sendJson(res, status, body, headers, fault);
		};
		if (rawBody === TOO_LARGE) return answer(413, { detail: 'Request body too large' });
		if (!picked) {
			if (url.pathname === '/' && method === 'GET') return answer(200, { services: SERVICES.map((s) => `${this.url}/${s}`), control: `${this.url}/_emulator` });
			return answer(404, { detail: 'Not Found' });
		}
		const { service, path } = picked;

		const fault = this.faults.take(service, method, path);
		if (fault) {
			entry.fault = fault.id;
			entry.faultKind = fault.kind;
		}
		// An after-commit fault lets the request through; the senders apply it to the answer.
		if (fault && !fault.afterCommit) {
			if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
			if (fault.reset) {
				entry.status = 0;
				this.recorder.finish(entry);
				return resetSocket(res);
			}
			if (fault.status !== undefined) {
				/** @type {Record<string, string>} */
				const headers = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
				return answer(fault.status, fault.body ?? { detail: `Injected fault (${fault.status})` }, headers, fault);
			}
		}

		const view = this.view;
		const documented = view.name === 'documented';
		try {
			const route = view.router.match(service, method, path);
			if (!('op' in route)) {
				/** @type {Record<string, string>} */
				const headers = route.status === 405 ? { Allow: (route.allow ?? []).join(', ') } : {};
				return answer(route.status, { detail: route.status === 405 ? 'Method Not Allowed' : 'Not Found' }, headers, fault);
			}
			const { op } = route;
			if (op.service === '*') return this.meta(op, service, res, entry, fault);

			const user = authenticate(this.state, req.headers.authorization);
			const { projectId, project } = this.projectFor(op, user, method, req.headers, url.searchParams);
			const { params, query, body } = view.validator.request(op, {
				params: route.params,
				searchParams: url.searchParams,
				headers: req.headers,
				rawBody,
				prepareBody: documented ? (b) => stripForOperation(op, b) : undefined,
			});
			this.capPageSize(op, query);
			const mod = this.modules.get(service);
			const handler = mod?.handlers?.[op.operationId];
			if (!handler) return answer(501, { detail: `Not implemented in emulator: ${op.operationId}` }, {}, fault);

			const ctx = createContext(this, {
				service, operationId: op.operationId, operation: op.operation, method, path, params, query, body,
				headers: req.headers, rawBody, user, projectId, project, ip: req.socket.remoteAddress ?? null, req, res,
			});
			const result = (await handler(ctx)) ?? { status: 204 };
			const status = result.status ?? (result.body === undefined && !result.stream ? 204 : 200);
			if (WRITE_METHODS.has(method) && status < 300 && !ctx.audited) {
				ctx.audit({ action: op.operationId, entity_type: service, entity_id: null, changes: body && typeof body === 'object' ? body : {} });
			}
			if (this.validateResponses && result.stream === undefined && typeof result.body !== 'string') {
				const problems = view.validator.response(op, status, result.body);
				if (problems.length) {
					return answer(500, { detail: `Emulator response does not match the spec for ${op.operationId}: ${problems.join('; ')}` }, {}, fault);
				}
			}
			/** @type {Record<string, string>} */
			const headers = { ...ctx.responseHeaders, ...(result.headers ?? {}) };
			if (documented) {
				for (const k of Object.keys(headers)) if (k.toLowerCase() === 'x-total-count') delete headers[k]; // only the overlays document it
				if (status < 300 && result.body && typeof result.body === 'object' && !result.stream) {
					// A copy: handlers may answer with live state records.
					result.body = newestFirst(stripForOperation(op, structuredClone(result.body), status));
				}
			}
			if (result.stream) {
				entry.status = status;
				this.recorder.finish(entry);
				return sendStream(res, status, result.stream, headers, fault);
			}
			if (typeof result.body === 'string') {
				entry.status = status;
				this.recorder.finish(entry);
				return sendRaw(res, status, result.body, { 'Content-Type': result.contentType ?? 'text/plain; charset=utf-8', ...headers }, fault);
			}
			return answer(status, result.body, headers, fault);
		} catch (err) {
			if (err instanceof HttpError) return answer(err.status, { detail: err.detail }, err.headers, fault);
			process.stderr.write(`emulator: handler error ${/** @type {Error} */ (err).stack}\n`);
			return answer(500, { detail: 'Internal Server Error' }, {}, fault);
		}
	}

	/**
	 * `maxPageSize`: a lower cap than the spec's `limit` maximum, on every operation with `limit`.
	 * @param {import('./spec.js').Operation} op @param {Record<string, any>} query
	 */
	capPageSize(op, query) {
		if (!this.maxPageSize || !op.parameters.some((p) => p.in === 'query' && p.name === 'limit')) return;
		query.limit = Math.min(query.limit ?? this.maxPageSize, this.maxPageSize);
	}

	/**
	 * The X-Project-ID rule of the operation (docs/flow-api.md §4.1). Files take the header or the
	 * `project_id` query; writes need more than viewer.
	 * @param {import('./spec.js').Operation} op @param {any} user @param {string} method
	 * @param {http.IncomingHttpHeaders} headers @param {URLSearchParams} q
	 */
	projectFor(op, user, method, headers, q) {
		const rule = op.projectRule;
		if (rule === 'none') return { projectId: null, project: null };
		const header = headers['x-project-id'] === undefined ? '' : String(headers['x-project-id']).trim();
		let projectId = header;
		if (rule === 'either') {
			const fromQuery = (q.get('project_id') ?? '').trim();
			if (!header && !fromQuery) throw new HttpError(400, 'project_id query parameter or X-Project-ID header is required');
			if (header && fromQuery && header !== fromQuery) throw new HttpError(400, 'project_id query parameter and X-Project-ID header differ');
			projectId = header || fromQuery;
		}
		if (!projectId) {
			if (rule === 'required') throw new HttpError(400, 'X-Project-ID header is required');
			return { projectId: null, project: null };
		}
		if (!isUuid(projectId)) throw new HttpError(400, rule === 'either' && !header ? 'Invalid project_id' : 'Invalid X-Project-ID header');
		const project = this.state.projects.find((/** @type {any} */ p) => p.id === projectId);
		const role = roleIn(user, projectId);
		if (!project || !role) throw new HttpError(403, 'You do not have access to this project');
		if (WRITE_METHODS.has(method) && role === 'viewer' && !op.operation['x-viewer-may-write']) {
			throw new HttpError(403, 'Viewer role cannot modify project data');
		}
		return { projectId, project };
	}

	/** /openapi.json, /docs, /redoc of one service (no auth, like FastAPI). */
	meta(/** @type {any} */ op, /** @type {string} */ service, /** @type {http.ServerResponse} */ res, /** @type {any} */ entry, /** @type {any} */ fault) {
		entry.status = 200;
		this.recorder.finish(entry);
		if (op.operationId === 'getServiceOpenApi') return sendJson(res, 200, serviceOpenApi(this, service), {}, fault);
		return sendRaw(res, 200, docsHtml(this, service, op.operationId === 'getServiceRedoc'), { 'Content-Type': 'text/html; charset=utf-8' }, fault);
	}

	/** Headers for the log: lower-case names, token replaced by its fixture name. @param {http.IncomingHttpHeaders} h */
	redactHeaders(h) {
		/** @type {Record<string, any>} */
		const out = {};
		for (const [k, v] of Object.entries(h)) out[k] = k === 'authorization' ? redactAuthorization(this.state, String(v)) : v;
		return out;
	}
}

const TOO_LARGE = Symbol('too large');

/** Whole JSON body (API calls only; file bytes never come through here). @param {http.IncomingMessage} req */
async function readBody(req) {
	/** @type {Buffer[]} */
	const chunks = [];
	let size = 0;
	for await (const c of req) {
		size += c.length;
		if (size > MAX_JSON_BODY) return TOO_LARGE;
		chunks.push(c);
	}
	return size ? Buffer.concat(chunks).toString('utf8') : undefined;
}

/** @param {string | undefined | symbol} raw */
function parseMaybeJson(raw) {
	if (raw === undefined || typeof raw === 'symbol') return null;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

/** @param {URLSearchParams} q */
export function queryObject(q) {
	/** @type {Record<string, string | string[]>} */
	const out = {};
	for (const k of new Set(q.keys())) {
		const all = q.getAll(k);
		out[k] = all.length > 1 ? all : all[0];
	}
	return out;
}

/** @param {http.ServerResponse} res */
export function resetSocket(res) {
	const s = /** @type {any} */ (res.socket);
	if (s?.resetAndDestroy) s.resetAndDestroy();
	else s?.destroy();
}

/**
 * @param {http.ServerResponse} res @param {number} status @param {any} body
 * @param {Record<string, string>} [headers] @param {any} [fault]
 */
export function sendJson(res, status, body, headers = {}, fault = null) {
	if (status === 204 || body === undefined) return sendRaw(res, status, '', headers, fault);
	return sendRaw(res, status, JSON.stringify(body), { 'Content-Type': 'application/json', ...headers }, fault);
}

/**
 * An after-commit fault: the request was processed; now its answer is lost (reset), replaced
 * (status, e.g. a proxy's 502/504) and/or late (delayMs, e.g. after the client gave up).
 * @param {http.ServerResponse} res @param {any} fault @param {() => void} answer the real answer
 * @param {() => void} [drop] called when the real answer is not sent
 */
function afterCommit(res, fault, answer, drop = () => {}) {
	const apply = () => {
		if (res.destroyed || res.writableEnded) return drop();
		if (fault.reset) {
			drop();
			return resetSocket(res);
		}
		if (fault.status !== undefined) {
			drop();
			/** @type {Record<string, string>} */
			const headers = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
			const body = JSON.stringify(fault.body ?? { detail: `Injected fault (${fault.status})` });
			return sendRaw(res, fault.status, body, { 'Content-Type': 'application/json', ...headers });
		}
		answer();
	};
	if (fault.delayMs) setTimeout(apply, fault.delayMs);
	else apply();
}

/** @param {http.ServerResponse} res @param {number} status @param {string | Buffer} text @param {Record<string,string>} headers @param {any} [fault] */
export function sendRaw(res, status, text, headers, fault = null) {
	if (fault?.afterCommit) {
		const real = { ...fault, afterCommit: false, reset: false, status: undefined, delayMs: 0 };
		return afterCommit(res, fault, () => sendRaw(res, status, text, headers, real));
	}
	const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
	const noBody = status === 204 || status === 304;
	res.writeHead(status, noBody ? headers : { ...headers, 'Content-Length': String(buf.length) });
	if (noBody) return res.end();
	if (fault?.truncate !== undefined) {
		res.write(buf.subarray(0, fault.truncate));
		return void setImmediate(() => resetSocket(res));
	}
	res.end(buf);
}

/**
 * Stream a body (downloads); a truncate fault cuts it after N bytes and drops the connection.
 * @param {http.ServerResponse} res @param {number} status @param {import('node:stream').Readable} stream
 * @param {Record<string,string>} headers @param {any} [fault]
 */
export async function sendStream(res, status, stream, headers, fault = null) {
	if (fault?.afterCommit) {
		const real = { ...fault, afterCommit: false, reset: false, status: undefined, delayMs: 0 };
		return afterCommit(res, fault, () => void sendStream(res, status, stream, headers, real), () => stream.destroy());
	}
	res.writeHead(status, headers);
	if (res.req.method === 'HEAD') {
		stream.destroy();
		return res.end();
	}
	try {
		if (fault?.truncate !== undefined) {
			let left = fault.truncate;
			for await (const chunk of stream) {
				const part = chunk.subarray(0, left);
				left -= part.length;
				if (part.length && !res.write(part)) await once(res, 'drain');
				if (left <= 0) break; // leaving the loop destroys the source
			}
			await new Promise((r) => res.write('', () => r(undefined)));
			return resetSocket(res);
		}
		await pipeline(stream, res);
	} catch {
		res.destroy();
	}
}

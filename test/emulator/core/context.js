// @ts-check
/**
 * The `ctx` object every service handler receives. See README "Writing a service module".
 */
import { HttpError, validationItem, validationError } from './errors.js';
import { roleIn, hasRole, isOrgAdmin } from './access.js';
import { recordAudit } from './audit.js';
import { uuid, isUuid, slugify } from './ids.js';
import { normalizeKey } from './buckets.js';

/**
 * @typedef {object} RequestFacts what the pipeline learnt about the request
 * @property {string} service @property {string} operationId @property {any} operation
 * @property {string} method @property {string} path service path, e.g. /api/v1/runs
 * @property {Record<string, any>} params @property {Record<string, any>} query @property {any} body
 * @property {import('node:http').IncomingHttpHeaders} headers @property {string | undefined} rawBody
 * @property {any} user @property {string | null} projectId @property {any} project
 * @property {string | null} ip
 * @property {import('node:http').IncomingMessage} req @property {import('node:http').ServerResponse} res
 */

/**
 * @param {import('./emulator.js').Emulator} emu
 * @param {RequestFacts} init
 */
export function createContext(emu, init) {
	const state = emu.state;
	/** @type {Record<string, string>} */
	const responseHeaders = {};
	const ctx = {
		service: init.service,
		operationId: init.operationId,
		operation: init.operation,
		method: init.method,
		path: init.path,
		params: init.params,
		query: init.query,
		body: init.body,
		headers: init.headers,
		rawBody: init.rawBody,
		user: init.user,
		projectId: init.projectId,
		project: init.project,
		ip: init.ip,
		req: init.req,
		res: init.res,
		/** @type {any} */
		state,
		emu,
		clock: emu.clock,
		baseUrl: emu.url,
		serviceUrl: `${emu.url}/${init.service}`,
		signer: emu.signer,
		hooks: emu.hooks,
		uuid,
		isUuid,
		slugify,
		audited: false,
		responseHeaders,
		now: () => emu.clock.iso(),

		/** @param {number} status @param {string | any[]} detail @param {Record<string,string>} [headers] @returns {never} */
		error(status, detail, headers) {
			throw new HttpError(status, detail, headers);
		},
		/** 404 `{"detail":"<What> not found"}`. @param {string} what @returns {never} */
		notFound(what) {
			throw new HttpError(404, `${what} not found`);
		},
		/** 422 with one pydantic-style item. @returns {never} */
		invalid(/** @type {(string|number)[]} */ loc, /** @type {string} */ msg, type = 'value_error', /** @type {unknown} */ input) {
			throw validationError([validationItem(loc, msg, type, input)]);
		},
		/** @param {string | null | undefined} projectId */
		role: (projectId) => roleIn(init.user, projectId),
		/** @param {string | null | undefined} projectId @param {'viewer'|'editor'|'admin'} min */
		hasRole: (projectId, min) => hasRole(init.user, projectId, min),
		/** 403 unless the caller has at least `min` in the project. */
		requireRole(/** @type {string | null | undefined} */ projectId, /** @type {'viewer'|'editor'|'admin'} */ min, detail = `Requires project ${min} role`) {
			if (!hasRole(init.user, projectId, min)) throw new HttpError(403, detail);
		},
		/** @param {string} [orgId] */
		isOrgAdmin: (orgId) => isOrgAdmin(init.user, orgId),
		/**
		 * For resources reached by id: 404 when the caller cannot see the resource's project, or
		 * when an X-Project-ID header was sent and names another project (docs/flow-api.md §4.1).
		 */
		checkProject(/** @type {string | null | undefined} */ resourceProjectId, /** @type {string} */ what) {
			if (!roleIn(init.user, resourceProjectId) || (init.projectId && init.projectId !== resourceProjectId)) {
				throw new HttpError(404, `${what} not found`);
			}
		},
		/** @param {string} name @param {string} value */
		setHeader(name, value) {
			responseHeaders[name] = value;
		},
		/**
		 * limit/offset paging from the validated query (defaults from the spec; an operation
		 * without `limit` answers everything); sets X-Total-Count.
		 * @template T @param {T[]} items @returns {T[]}
		 */
		page(items) {
			const limit = init.query.limit === undefined ? items.length : Number(init.query.limit);
			const offset = Number(init.query.offset ?? 0);
			responseHeaders['X-Total-Count'] = String(items.length);
			return items.slice(offset, offset + limit);
		},
		/** Record an audit event (actor, ip, time filled in). @param {import('./audit.js').AuditInput} input */
		audit(input) {
			ctx.audited = true;
			return recordAudit(state, emu.clock, { user: init.user, ip: init.ip, service: init.service }, { project_id: init.projectId ?? null, ...input });
		},
		/** A successful write that deliberately records no audit event. */
		noAudit() {
			ctx.audited = true;
		},
		files: emu.projectFiles,
		normalizeKey,
	};
	return ctx;
}

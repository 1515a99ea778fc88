// @ts-check
/** Tokens → users, and the project-role checks every service shares. */
import { HttpError } from './errors.js';

const RANK = /** @type {Record<string, number>} */ ({ viewer: 1, editor: 2, admin: 3 });

/** `contributor` and `project_editor` are other names of editor (docs/flow-api.md §5.8). @param {string | undefined} role */
export function normalizeRole(role) {
	if (!role) return null;
	const r = String(role).toLowerCase().replace(/^project_/, '');
	if (r === 'contributor') return 'editor';
	return RANK[r] ? r : null;
}

/**
 * @param {any} state
 * @param {string | undefined} authorization
 * @returns {any} the user record
 */
export function authenticate(state, authorization) {
	const m = /^Bearer\s+(\S+)\s*$/i.exec(String(authorization ?? ''));
	const user = m ? state.users.find((/** @type {any} */ u) => u.token === m[1]) : undefined;
	if (!user || user.expired) throw new HttpError(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' });
	return user;
}

/** The caller's role in a project: 'admin' | 'editor' | 'viewer' | null. @param {any} user @param {string | null | undefined} projectId */
export function roleIn(user, projectId) {
	if (!user || !projectId) return null;
	return normalizeRole(user.project_roles?.[projectId]);
}

/** @param {any} user @param {string | null | undefined} projectId @param {'viewer'|'editor'|'admin'} min */
export function hasRole(user, projectId, min) {
	const r = roleIn(user, projectId);
	return !!r && RANK[r] >= RANK[min];
}

/** Org admins and owners manage the catalogue (pipelines) and sign reports. @param {any} user @param {string} [orgId] */
export function isOrgAdmin(user, orgId) {
	const roles = Object.entries(user?.org_roles ?? {});
	return !!user?.superadmin || roles.some(([id, r]) => (!orgId || id === orgId) && ['admin', 'owner'].includes(String(r).toLowerCase()));
}

/** `Bearer <fixture>` for the request log, never the token itself. @param {any} state @param {string | undefined} authorization */
export function redactAuthorization(state, authorization) {
	if (authorization === undefined) return undefined;
	const m = /^Bearer\s+(\S+)\s*$/i.exec(String(authorization));
	if (!m) return '<malformed>';
	const user = state.users.find((/** @type {any} */ u) => u.token === m[1]);
	return `Bearer <${user?.fixture ?? 'unknown'}>`;
}

// @ts-check
// Small helpers shared by the miner record modules (subjects, samples, orders).
import { HttpError } from '../../core/errors.js';
import { isUuid, uuid } from '../../core/ids.js';
import { hasRole } from '../../core/access.js';
import { nextSeq } from './db.js';

/**
 * The per-request environment the record modules work with (built by services/miner.js from the
 * core's request context).
 * @typedef {object} MinerEnv
 * @property {any} db            miner tables (see services/miner/db.js)
 * @property {string} projectId
 * @property {any} project       project record (bucket_name, org_id, ...)
 * @property {any} user
 * @property {'viewer'|'editor'|'admin'|null} role
 * @property {() => string} now  ISO timestamp from the emulator clock
 * @property {(prefix: string) => Promise<string[]>} listFiles  bucket-relative object paths under a prefix
 * @property {(event: {action: string, entity_type: string, entity_id: string|null, changes?: any}) => void} audit
 */

/** Who wrote a record: e-mail when the fixture has one. @param {any} user */
export const actorName = (user) => user?.email ?? user?.name ?? user?.id ?? null;

/** Find a record of this project by UUID, or by display_id when the id is not a UUID. */
export function findRecord(table, projectId, id, label) {
	const rec = isUuid(id)
		? table.find((r) => r.id === String(id).toLowerCase() && r.project_id === projectId)
		: table.find((r) => r.display_id === id && r.project_id === projectId);
	if (!rec) throw new HttpError(404, `${label} not found`);
	return rec;
}

/** Newest first (created_at, then insertion order), then limit/offset. Returns the page and the total. */
export function newestPage(rows, query) {
	const sorted = [...rows].sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? '') || b._seq - a._seq);
	const offset = query.offset ?? 0;
	const limit = query.limit ?? 100;
	return { page: sorted.slice(offset, offset + limit), total: sorted.length };
}

/**
 * A page of the project's records that pass `filter` and match `query.search` on `searchFields`,
 * newest first, each shaped by `present`. @param {MinerEnv} env
 */
export function listRecords(env, table, query, filter, searchFields, present) {
	const rows = table.filter(
		(r) => r.project_id === env.projectId && filter(r) && matchesSearch(r, query.search, searchFields),
	);
	const { page, total } = newestPage(rows, query);
	return { items: page.map((r) => present(env, r)), total };
}

/** Case-insensitive substring match on any of the given fields. */
export function matchesSearch(rec, search, fields) {
	if (!search) return true;
	const needle = String(search).toLowerCase();
	return fields.some((f) => rec[f] != null && String(rec[f]).toLowerCase().includes(needle));
}

/** 403 unless the caller has at least `min` in the env's project. @param {MinerEnv} env @param {'viewer'|'editor'|'admin'} min */
export function requireRole(env, min, what) {
	if (!hasRole(env.user, env.projectId, min)) throw new HttpError(403, `${what} requires the project ${min} role`);
}

/** Copy the keys of `body` that are in `fields` onto `rec` (partial update). */
export function assignPresent(rec, body, fields) {
	for (const f of fields) if (Object.prototype.hasOwnProperty.call(body, f)) rec[f] = body[f];
}

export function duplicateCheck(table, projectId, displayId, label, exceptId) {
	if (table.some((r) => r.project_id === projectId && r.display_id === displayId && r.id !== exceptId)) {
		throw new HttpError(409, `${label} with display_id ${displayId} already exists`);
	}
}

/** Remove internal fields (leading underscore) from a record for a response. */
export function publicFields(rec) {
	return Object.fromEntries(Object.entries(rec).filter(([k]) => !k.startsWith('_')));
}

/** The display_id of a new record (display_id or the old `name`); 409 when the project has it already. */
export function freeDisplayId(env, table, body, label) {
	const displayId = body.display_id ?? body.name;
	duplicateCheck(table, env.projectId, displayId, label);
	return displayId;
}

/**
 * A new record of this project: the columns every kind has around the kind's own `defaults`
 * (in that order), then the keys of `body` that are in `fields`.
 * @param {MinerEnv} env @param {string} displayId @param {object} defaults @param {any} body @param {string[]} fields
 */
export function newRecord(env, displayId, defaults, body, fields) {
	const now = env.now();
	const rec = {
		id: uuid(),
		project_id: env.projectId,
		display_id: displayId,
		...defaults,
		tags: [],
		properties: { ...(body.properties ?? {}) },
		created_at: now,
		updated_at: now,
		created_by: actorName(env.user),
		_seq: nextSeq(),
	};
	assignPresent(rec, body, fields);
	return rec;
}

/**
 * Take a new display_id from `body` (display_id or the old `name`); 409 when another record has it,
 * or when files are stored under `filesPrefix`: the slug in their paths is frozen.
 * @param {MinerEnv} env @param {any[]} table @param {any} rec @param {any} body @param {string} label @param {string} filesPrefix
 */
export async function renameRecord(env, table, rec, body, label, filesPrefix) {
	const newId = body.display_id ?? body.name;
	if (newId === undefined || newId === rec.display_id) return;
	duplicateCheck(table, env.projectId, newId, label, rec.id);
	if ((await env.listFiles(filesPrefix)).length) {
		throw new HttpError(409, `${label} ${rec.display_id} has files; its display_id (slug) is frozen`);
	}
	rec.display_id = newId;
}

/**
 * The end of every update: the keys of `body` that are in `fields`, merged properties, updated_at
 * and the audit entry. @param {MinerEnv} env @param {string} kind @param {string[]} fields
 */
export function finishUpdate(env, kind, rec, body, fields) {
	assignPresent(rec, body, fields);
	if (body.properties) rec.properties = { ...rec.properties, ...body.properties };
	rec.updated_at = env.now();
	env.audit({ action: `${kind}.update`, entity_type: kind, entity_id: rec.id, changes: body });
	return rec;
}

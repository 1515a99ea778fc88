// @ts-check
/** Builds the in-memory state from a seed. Services add their own collections in `initState`. */
import { readFileSync } from 'node:fs';

/** @param {string | object | undefined} seed path or object @param {string} defaultPath */
export function readSeed(seed, defaultPath) {
	if (seed && typeof seed === 'object') return structuredClone(seed);
	return JSON.parse(readFileSync(typeof seed === 'string' ? seed : defaultPath, 'utf8'));
}

/** Core collections every service may read. @param {any} seed */
export function baseState(seed) {
	const s = structuredClone(seed);
	for (const k of ['orgs', 'projects', 'users', 'audit_events']) s[k] = Array.isArray(s[k]) ? s[k] : [];
	s.default_contexts = s.default_contexts ?? {};
	return s;
}

/**
 * `POST /_emulator/seed`: merge a partial seed into the live state — arrays are upserted by
 * `id`, plain objects merged key by key, other values replaced.
 * @param {any} state @param {any} partial
 */
export function mergeSeed(state, partial) {
	for (const [k, v] of Object.entries(partial ?? {})) {
		if (k === 'files') continue;
		if (Array.isArray(v) && Array.isArray(state[k])) {
			for (const item of v) {
				const i = item && item.id !== undefined ? state[k].findIndex((/** @type {any} */ x) => x.id === item.id) : -1;
				if (i >= 0) state[k][i] = { ...state[k][i], ...item };
				else state[k].push(item);
			}
		} else if (v && typeof v === 'object' && !Array.isArray(v) && state[k] && typeof state[k] === 'object') {
			Object.assign(state[k], v);
		} else {
			state[k] = v;
		}
	}
}

// @ts-check
import { randomUUID } from 'node:crypto';

export const uuid = () => randomUUID();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** @param {unknown} v */
export const isUuid = (v) => typeof v === 'string' && UUID_RE.test(v);

/** `ORD-001` → `ord-001` (docs/flow-api.md §4.5). @param {string} s */
export const slugify = (s) =>
	String(s)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');

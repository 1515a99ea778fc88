// @ts-check
/**
 * Fault rules (`POST /_emulator/faults`). A rule matches by service, method and path regex,
 * fires for the next `count` matches or with `probability`, and then answers with a status
 * (+ Retry-After, body), resets the connection, delays, or truncates the response body.
 */
import { randomUUID } from 'node:crypto';
import { HttpError } from './errors.js';

/**
 * @typedef {object} FaultRule
 * @property {string} id
 * @property {string} [service] @property {string} [method] @property {string} [path] regex source
 * @property {number} [count] remaining firings (absent = unlimited)
 * @property {number} [probability] 0..1
 * @property {number} [status] @property {number|string} [retryAfter] @property {any} [body]
 * @property {boolean} [reset] @property {number} [delayMs] @property {number} [truncate] bytes
 * @property {number} hits
 */

export class Faults {
	constructor() {
		/** @type {FaultRule[]} */
		this.rules = [];
	}

	/** @param {any} spec */
	add(spec) {
		if (!spec || typeof spec !== 'object') throw new HttpError(400, 'fault rule must be a JSON object');
		if (spec.path !== undefined) {
			try {
				new RegExp(spec.path);
			} catch {
				throw new HttpError(400, `invalid path regex: ${spec.path}`);
			}
		}
		if (spec.status === undefined && !spec.reset && spec.delayMs === undefined && spec.truncate === undefined) {
			throw new HttpError(400, 'fault rule needs one of status, reset, delayMs, truncate');
		}
		const rule = { ...spec, id: randomUUID(), hits: 0 };
		this.rules.push(rule);
		return rule;
	}

	/** The rule that fires for this request, if any (consumes one count). @param {string} service @param {string} method @param {string} path */
	take(service, method, path) {
		for (const r of this.rules) {
			if (r.service && r.service !== service) continue;
			if (r.method && r.method.toUpperCase() !== method) continue;
			if (r.path && !new RegExp(r.path).test(path)) continue;
			if (r.probability !== undefined && Math.random() >= r.probability) continue;
			r.hits++;
			if (r.count !== undefined && --r.count <= 0) this.rules = this.rules.filter((x) => x !== r);
			return r;
		}
		return null;
	}

	/** @param {string} [id] */
	remove(id) {
		const before = this.rules.length;
		this.rules = id ? this.rules.filter((r) => r.id !== id) : [];
		return before - this.rules.length;
	}
}

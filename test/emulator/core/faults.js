// @ts-check
/**
 * Fault rules (`POST /_emulator/faults`). A rule matches by service, method and path regex,
 * fires for the next `count` matches or with `probability`, and then answers with a status
 * (+ Retry-After, body), resets the connection, delays, or truncates the response body.
 * With `afterCommit` the request is processed first (the record is stored) and only then is
 * the answer replaced by the status, the reset or a late answer. `mix` picks one of several
 * faults each time the rule fires; `seed` makes the rule's random draws reproducible.
 */
import { randomUUID } from 'node:crypto';
import { HttpError } from './errors.js';

/**
 * @typedef {object} FaultEffect
 * @property {number} [status] @property {number|string} [retryAfter] @property {any} [body]
 * @property {boolean} [reset] @property {number} [delayMs] @property {number} [truncate] bytes
 * @property {boolean} [afterCommit] process the request, then apply the fault to its answer
 * @property {string} [kind] a name for the request log (default: derived from the fields)
 */
/**
 * @typedef {FaultEffect & {
 *   id: string, service?: string, method?: string, path?: string, count?: number,
 *   probability?: number, seed?: number, mix?: Array<FaultEffect & { weight?: number }>, hits: number,
 * }} FaultRule
 */

const EFFECT_FIELDS = ['status', 'retryAfter', 'body', 'reset', 'delayMs', 'truncate', 'afterCommit', 'kind'];

/** @param {any} effect */
function hasEffect(effect) {
	return effect.status !== undefined || !!effect.reset || effect.delayMs !== undefined || effect.truncate !== undefined;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same draws. @param {number} seed */
export function seededRandom(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** "503", "reset after commit", "late 2000 ms": what a fault does, for logs and reports. @param {FaultEffect} f */
export function faultKind(f) {
	if (f.kind) return f.kind;
	const what = f.reset
		? 'reset'
		: f.status !== undefined
			? String(f.status)
			: f.truncate !== undefined
				? `truncate ${f.truncate}`
				: `late ${f.delayMs} ms`;
	const slow = f.delayMs && (f.reset || f.status !== undefined) ? ` after ${f.delayMs} ms` : '';
	return `${what}${slow}${f.afterCommit ? ' after commit' : ''}`;
}

export class Faults {
	constructor() {
		/** @type {FaultRule[]} */
		this.rules = [];
		/** @type {Map<string, () => number>} per-rule random source */
		this.random = new Map();
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
		if (spec.mix !== undefined) {
			if (!Array.isArray(spec.mix) || spec.mix.length === 0)
				throw new HttpError(400, 'mix must be a non-empty list of faults');
			for (const entry of spec.mix) {
				if (!entry || typeof entry !== 'object' || !hasEffect({ ...pickEffect(spec), ...entry })) {
					throw new HttpError(400, 'each mix entry needs one of status, reset, delayMs, truncate');
				}
				if (entry.weight !== undefined && !(Number(entry.weight) >= 0))
					throw new HttpError(400, 'mix weights are numbers >= 0');
			}
		} else if (!hasEffect(spec)) {
			throw new HttpError(400, 'fault rule needs one of status, reset, delayMs, truncate (or a mix)');
		}
		if (spec.seed !== undefined && !Number.isFinite(Number(spec.seed)))
			throw new HttpError(400, 'seed must be a number');
		const rule = { ...spec, id: randomUUID(), hits: 0 };
		this.rules.push(rule);
		this.random.set(rule.id, spec.seed === undefined ? Math.random : seededRandom(Number(spec.seed)));
		return rule;
	}

	/**
	 * The fault that fires for this request, if any (consumes one count): the rule's fields with
	 * the picked mix entry's over them.
	 * @param {string} service @param {string} method @param {string} path
	 * @returns {(FaultRule & { kind: string }) | null}
	 */
	take(service, method, path) {
		for (const r of this.rules) {
			if (r.service && r.service !== service) continue;
			if (r.method && r.method.toUpperCase() !== method) continue;
			if (r.path && !new RegExp(r.path).test(path)) continue;
			const random = this.random.get(r.id) ?? Math.random;
			if (r.probability !== undefined && random() >= r.probability) continue;
			r.hits++;
			if (r.count !== undefined && --r.count <= 0) this.rules = this.rules.filter((x) => x !== r);
			const picked = r.mix ? pickWeighted(r.mix, random) : {};
			const fault = { ...r, ...pickEffect(picked) };
			return { ...fault, kind: faultKind(fault) };
		}
		return null;
	}

	/** @param {string} [id] */
	remove(id) {
		const before = this.rules.length;
		this.rules = id ? this.rules.filter((r) => r.id !== id) : [];
		for (const key of this.random.keys()) if (!this.rules.some((r) => r.id === key)) this.random.delete(key);
		return before - this.rules.length;
	}
}

/** @param {any} source */
function pickEffect(source) {
	return Object.fromEntries(EFFECT_FIELDS.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

/** @param {Array<{weight?: number}>} entries @param {() => number} random */
function pickWeighted(entries, random) {
	const weights = entries.map((e) => Number(e.weight ?? 1));
	const total = weights.reduce((a, b) => a + b, 0);
	let x = random() * total;
	for (let i = 0; i < entries.length; i++) {
		x -= weights[i];
		if (x < 0) return entries[i];
	}
	return entries[entries.length - 1];
}

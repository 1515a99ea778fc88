// @ts-check
/** Chooses the service (path prefix or Host label) and the spec operation for a request. */
import { SERVICES } from './spec.js';

/** @typedef {import('./spec.js').Operation} Operation */

/**
 * Service and service-relative path of a request. The Host header's first label wins when it
 * names a service (`miner.example` → miner); otherwise the first path segment must.
 * @param {string} host @param {string} pathname
 * @returns {{ service: string, path: string } | null}
 */
export function pickService(host, pathname) {
	const label = String(host ?? '').split('.')[0].split(':')[0].toLowerCase();
	if (SERVICES.includes(label) && String(host).includes('.')) return { service: label, path: pathname || '/' };
	const m = /^\/([^/]+)(\/.*)?$/.exec(pathname);
	if (m && SERVICES.includes(m[1])) return { service: m[1], path: m[2] || '/' };
	return null;
}

export class Router {
	/** @param {Operation[]} operations */
	constructor(operations) {
		/** @type {Map<string, Operation[]>} */
		this.byService = new Map();
		for (const service of SERVICES) {
			const ops = operations.filter((o) => o.service === service || o.service === '*');
			// Literal segments beat parameters, position by position (`/runs/by-order/x` before `/runs/{id}/...`).
			ops.sort((a, b) => specificity(b) .localeCompare(specificity(a)));
			this.byService.set(service, ops);
		}
	}

	/**
	 * @param {string} service @param {string} method @param {string} path
	 * @returns {{ op: Operation, params: Record<string, string> } | { status: 404 | 405, allow?: string[] }}
	 */
	match(service, method, path) {
		const segs = path.split('/').filter(Boolean);
		/** @type {Set<string>} */
		const allow = new Set();
		for (const op of this.byService.get(service) ?? []) {
			const params = matchSegments(op.segments, segs);
			if (!params) continue;
			if (op.method === method || (method === 'HEAD' && op.method === 'GET')) return { op, params };
			allow.add(op.method);
		}
		return allow.size ? { status: 405, allow: [...allow] } : { status: 404 };
	}
}

/** @param {Operation} op */
function specificity(op) {
	return op.segments.map((s) => (s.startsWith('{') ? '0' : '1')).join('') + '1'.repeat(Math.max(0, 12 - op.segments.length));
}

/** @param {string[]} pattern @param {string[]} segs */
function matchSegments(pattern, segs) {
	if (pattern.length !== segs.length) return null;
	/** @type {Record<string, string>} */
	const params = {};
	for (let i = 0; i < pattern.length; i++) {
		const p = pattern[i];
		let s;
		try {
			s = decodeURIComponent(segs[i]);
		} catch {
			return null;
		}
		if (p.startsWith('{') && p.endsWith('}')) params[p.slice(1, -1)] = s;
		else if (p !== s) return null;
	}
	return params;
}

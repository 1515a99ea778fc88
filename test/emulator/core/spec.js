// @ts-check
/**
 * Loads spec/openapi.yaml plus every spec/extensions/*.yaml overlay and indexes the operations
 * by service. The service of a path item is the first host label of its `servers` url
 * (`https://compute.{domain}/api/v1` → compute, base path `/api/v1`); `{service}` hosts are
 * the per-service meta routes (/openapi.json, /docs, /redoc) served by the core for every service.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

export const SERVICES = ['admin', 'compute', 'files', 'miner', 'report', 'vcf', 'audit'];
export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * @typedef {object} Operation
 * @property {string} service        service name, or '*' for the meta routes
 * @property {string} basePath       '/api/v1' or ''
 * @property {string} specPath       path as written in the spec ('/runs/{run_id}')
 * @property {string} fullPath       basePath + specPath (what the router matches)
 * @property {string} method         upper case
 * @property {string} operationId
 * @property {any} operation         the spec operation object
 * @property {any[]} parameters      path-level + operation-level parameters, $refs resolved
 * @property {'required'|'optional'|'either'|'none'} projectRule  X-Project-ID rule (docs/flow-api.md §4.1)
 * @property {string[]} segments
 */

/**
 * @param {string} specDir
 * @param {{ overlays?: boolean }} [o] `overlays: false` = the reference alone (the `documented` profile starts there)
 */
export function loadSpec(specDir, { overlays = true } = {}) {
	const doc = YAML.parse(readFileSync(join(specDir, 'openapi.yaml'), 'utf8'));
	const extDir = join(specDir, 'extensions');
	if (overlays && existsSync(extDir)) {
		for (const file of readdirSync(extDir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
			mergeOverlay(doc, YAML.parse(readFileSync(join(extDir, file), 'utf8')) ?? {});
		}
	}
	return { doc, operations: indexOperations(doc) };
}

/**
 * Overlay rules: new paths/methods are added; an existing operation is replaced, unless the
 * overlay operation says `x-merge: true` — then its keys win and its parameters are appended
 * (same name+in replaces). Components are merged per section, overlay entries win.
 * @param {any} doc @param {any} ext
 */
export function mergeOverlay(doc, ext) {
	for (const [path, item] of Object.entries(ext.paths ?? {})) {
		const base = (doc.paths[path] ??= {});
		for (const [key, value] of Object.entries(/** @type {any} */ (item))) {
			if (METHODS.includes(key) && base[key] && value['x-merge']) {
				const merged = { ...base[key], ...value };
				delete merged['x-merge'];
				const params = [...(base[key].parameters ?? [])];
				for (const p of value.parameters ?? []) {
					const p2 = resolveRef(doc, p, ext);
					const i = params.findIndex((q) => {
						const q2 = resolveRef(doc, q, ext);
						return q2.name === p2.name && q2.in === p2.in;
					});
					if (i >= 0) params[i] = p;
					else params.push(p);
				}
				merged.parameters = params;
				merged.responses = { ...base[key].responses, ...(value.responses ?? {}) };
				base[key] = merged;
			} else {
				base[key] = value;
			}
		}
	}
	for (const [section, entries] of Object.entries(ext.components ?? {})) {
		doc.components[section] = { ...(doc.components[section] ?? {}), ...entries };
	}
}

/** @param {any} doc @param {any} obj @param {any} [ext] */
export function resolveRef(doc, obj, ext) {
	let cur = obj;
	for (let i = 0; cur && typeof cur.$ref === 'string' && i < 10; i++) {
		const parts = cur.$ref.replace(/^#\//, '').split('/');
		const from = (/** @type {any} */ d) => parts.reduce((/** @type {any} */ o, /** @type {string} */ k) => (o ? o[k] : undefined), d);
		cur = from(doc) ?? (ext ? from(ext) : undefined);
	}
	return cur;
}

/** @param {any} doc @returns {Operation[]} */
export function indexOperations(doc) {
	/** @type {Operation[]} */
	const ops = [];
	for (const [specPath, item] of Object.entries(doc.paths ?? {})) {
		const url = item.servers?.[0]?.url ?? '';
		const m = /^https?:\/\/([^./]+)\.[^/]*(\/.*)?$/.exec(url);
		for (const method of METHODS) {
			const operation = item[method];
			if (!operation) continue;
			let service = m ? m[1] : operation.tags?.[0];
			if (service === '{service}') service = '*';
			const basePath = (m?.[2] ?? '').replace(/\/$/, '');
			const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolveRef(doc, p));
			const fullPath = basePath + specPath;
			ops.push({
				service,
				basePath,
				specPath,
				fullPath,
				method: method.toUpperCase(),
				operationId: operation.operationId,
				operation,
				parameters,
				projectRule: projectRule(service, operation, parameters),
				segments: fullPath.split('/').filter(Boolean),
			});
		}
	}
	return ops;
}

/** Which X-Project-ID rule (docs/flow-api.md §4.1) an operation follows. */
function projectRule(/** @type {string} */ service, /** @type {any} */ operation, /** @type {any[]} */ params) {
	if (operation['x-project-id']) return operation['x-project-id'];
	if (service === 'admin' || service === '*') return 'none';
	const header = params.find((p) => p.in === 'header' && p.name.toLowerCase() === 'x-project-id');
	if (header?.required) return 'required';
	if (params.some((p) => p.in === 'query' && p.name === 'project_id') && service === 'files') return 'either';
	if (header) return 'optional';
	return 'none';
}

// @ts-check
/**
 * Profiles: which slice of the spec the emulator serves.
 * - `full` (default): openapi.yaml plus every overlay in spec/extensions/ — today's emulator.
 * - `documented`: openapi.yaml alone, without anything marked `x-inferred` (operations,
 *   parameters, inline request/response schemas, schema properties), so the nodes can be proven
 *   against a server that has none of our guesses. See README "Profiles".
 * A view bundles what the request pipeline needs per profile: doc, operations, router, validator.
 */
import { loadSpec, indexOperations, resolveRef, METHODS } from './spec.js';
import { Router } from './router.js';
import { Validator } from './validate.js';

export const PROFILES = /** @type {const} */ (['full', 'documented']);
/** @typedef {typeof PROFILES[number]} ProfileName */

/**
 * @typedef {object} SpecView
 * @property {ProfileName} name
 * @property {any} doc
 * @property {import('./spec.js').Operation[]} operations
 * @property {Router} router
 * @property {Validator} validator
 */

/** @param {unknown} name @returns {ProfileName} */
export function checkProfile(name) {
	if (typeof name === 'string' && /** @type {readonly string[]} */ (PROFILES).includes(name)) return /** @type {ProfileName} */ (name);
	throw new Error(`profile must be ${PROFILES.join(' or ')} (got ${JSON.stringify(name)})`);
}

/** @param {unknown} value @returns {number | null} */
export function checkMaxPageSize(value) {
	if (value === undefined || value === null || value === '') return null;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1) throw new Error(`maxPageSize must be a whole number ≥ 1 (got ${JSON.stringify(value)})`);
	return n;
}

/** @param {any} doc @param {ProfileName} name @returns {SpecView} */
function makeView(name, doc, operations = indexOperations(doc)) {
	return { name, doc, operations, router: new Router(operations), validator: new Validator(doc) };
}

/** The `full` view: reference + overlays. @param {string} specDir @returns {SpecView} */
export function fullView(specDir) {
	const { doc, operations } = loadSpec(specDir);
	return makeView('full', doc, operations);
}

/**
 * The `documented` view. Each operation also keeps `marked`: the same operation in the reference
 * (marks intact) and in the full view, whose `x-inferred` properties are stripped from bodies.
 * @param {string} specDir @param {SpecView} full @returns {SpecView}
 */
export function documentedView(specDir, full) {
	const reference = loadSpec(specDir, { overlays: false }).doc;
	const view = makeView('documented', documentedDoc(reference));
	const fullOps = new Map(full.operations.map((o) => [opKey(o), o]));
	for (const op of view.operations) {
		const twin = fullOps.get(opKey(op));
		/** @type {any} */ (op).marked = [
			{ doc: reference, operation: reference.paths[op.specPath][op.method.toLowerCase()] },
			...(twin ? [{ doc: full.doc, operation: twin.operation }] : []),
		];
	}
	return view;
}

/** `compute GET /api/v1/runs` @param {import('./spec.js').Operation} op */
export const opKey = (op) => `${op.service} ${op.method} ${op.fullPath}`;

/** @param {any} node */
const marked = (node) => Boolean(node && typeof node === 'object' && node['x-inferred']);

/**
 * The reference without what it marks `x-inferred`: operations, parameters (also in
 * components), nested marked objects of an operation (inline body/response schemas, callback
 * operations, properties) and marked properties of component schemas. A component schema marked
 * as a whole stays (documented operations use it; only its exact shape is a guess).
 * @param {any} reference @returns {any}
 */
export function documentedDoc(reference) {
	const doc = structuredClone(reference);
	const keepParam = (/** @type {any} */ p) => !marked(p) && !marked(resolveRef(doc, p));
	for (const [path, item] of Object.entries(/** @type {Record<string, any>} */ (doc.paths))) {
		if (item.parameters) item.parameters = item.parameters.filter(keepParam);
		for (const m of METHODS) {
			const op = item[m];
			if (!op) continue;
			if (marked(op)) {
				delete item[m];
				continue;
			}
			if (op.parameters) op.parameters = op.parameters.filter(keepParam);
			pruneMarked(op);
			for (const [name, cb] of Object.entries(op.callbacks ?? {})) {
				for (const [expr, cbItem] of Object.entries(/** @type {Record<string, any>} */ (cb))) if (!METHODS.some((x) => cbItem[x])) delete cb[expr];
				if (!Object.keys(cb).length) delete op.callbacks[name];
			}
			if (op.callbacks && !Object.keys(op.callbacks).length) delete op.callbacks;
		}
		if (!METHODS.some((m) => item[m])) delete doc.paths[path];
	}
	const comps = doc.components ?? {};
	for (const [name, p] of Object.entries(comps.parameters ?? {})) if (marked(p)) delete comps.parameters[name];
	for (const schema of Object.values(comps.schemas ?? {})) pruneMarked(schema);
	const inUse = new Set((doc.security ?? []).flatMap((/** @type {any} */ s) => Object.keys(s)));
	for (const [name, s] of Object.entries(comps.securitySchemes ?? {})) if (marked(s) && !inUse.has(name)) delete comps.securitySchemes[name];
	return doc;
}

/** Remove every marked object below `node` (not `node` itself); a removed property leaves `required` too. @param {any} node */
function pruneMarked(node) {
	if (Array.isArray(node)) {
		for (let i = node.length - 1; i >= 0; i--) {
			if (marked(node[i])) node.splice(i, 1);
			else pruneMarked(node[i]);
		}
		return;
	}
	if (!node || typeof node !== 'object') return;
	for (const [k, v] of Object.entries(node)) {
		if (marked(v)) delete node[k];
		else pruneMarked(v);
	}
	if (node.properties && Array.isArray(node.required)) {
		node.required = node.required.filter((/** @type {string} */ r) => r in node.properties);
		if (!node.required.length) delete node.required;
	}
}

/**
 * Delete from `data` (in place) every property the schema marks `x-inferred`, at any depth
 * (through $ref, allOf/anyOf/oneOf, items). Only the property's own mark counts: a documented
 * property whose type is an x-inferred schema stays.
 * @param {any} doc @param {any} schema @param {any} data
 */
export function stripInferred(doc, schema, data, depth = 0) {
	if (!schema || !data || typeof data !== 'object' || depth > 16) return;
	const s = resolveRef(doc, schema);
	if (!s || typeof s !== 'object') return;
	for (const k of ['allOf', 'anyOf', 'oneOf']) for (const sub of s[k] ?? []) stripInferred(doc, sub, data, depth + 1);
	if (Array.isArray(data)) {
		if (s.items) for (const item of data) stripInferred(doc, s.items, item, depth + 1);
		return;
	}
	for (const [name, prop] of Object.entries(s.properties ?? {})) {
		if (!(name in data)) continue;
		if (marked(prop)) delete data[name];
		else stripInferred(doc, prop, data[name], depth + 1);
	}
}

/** JSON schema of an operation's request body, or of its answer with `status`. @param {any} doc @param {any} operation @param {number} [status] */
export function bodySchema(doc, operation, status) {
	if (status === undefined) return resolveRef(doc, operation?.requestBody)?.content?.['application/json']?.schema;
	const responses = operation?.responses ?? {};
	return resolveRef(doc, responses[String(status)] ?? responses['2XX'])?.content?.['application/json']?.schema;
}

/** Strip a documented operation's x-inferred properties (request body, or the answer with `status`). @param {any} op @param {any} data @param {number} [status] */
export function stripForOperation(op, data, status) {
	for (const { doc, operation } of op.marked ?? []) stripInferred(doc, bodySchema(doc, operation, status), data);
	return data;
}

/**
 * Newest first by `created_at` (stable, so records of the same second keep the handler's order)
 * when every item of a list answer carries a `created_at` string; anything else as is.
 * @param {any} body
 */
export function newestFirst(body) {
	if (!Array.isArray(body) || !body.length || !body.every((x) => x && typeof x === 'object' && typeof x.created_at === 'string')) return body;
	return [...body].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
}

/**
 * What `documented` switches off compared with `full`: routes, parameters of routes both have,
 * and x-inferred fields of documented request/response bodies. Feeds README "Profiles".
 * @param {SpecView} full @param {SpecView} documented
 */
export function documentedOff(full, documented) {
	const docOps = new Map(documented.operations.map((o) => [opKey(o), o]));
	const routes = [...new Set(full.operations.filter((o) => o.service !== '*' && !docOps.has(opKey(o))).map(opKey))].sort();
	/** @type {Map<string, Set<string>>} route → parameter names */
	const params = new Map();
	for (const op of full.operations) {
		const twin = docOps.get(opKey(op));
		if (!twin) continue;
		for (const p of op.parameters) {
			if (twin.parameters.some((q) => q.name === p.name && q.in === p.in)) continue;
			add(params, opKey(op), p.in === 'query' ? p.name : `${p.name} (${p.in})`);
		}
	}
	/** @type {Map<string, Set<string>>} schema (or operation) → field names */
	const fields = new Map();
	for (const op of documented.operations) {
		for (const { doc, operation } of /** @type {any} */ (op).marked ?? []) {
			const rb = resolveRef(doc, operation.requestBody)?.content?.['application/json']?.schema;
			if (marked(rb)) add(fields, `${operation.operationId} request body`, '(whole body ignored)');
			else collectMarked(doc, rb, `${operation.operationId} request body`, fields, new Set());
			for (const [status, r] of Object.entries(operation.responses ?? {})) {
				if (/^2/.test(status)) collectMarked(doc, resolveRef(doc, r)?.content?.['application/json']?.schema, `${operation.operationId} response`, fields, new Set());
			}
		}
	}
	const sorted = (/** @type {Map<string, Set<string>>} */ m) => [...m.keys()].sort().map((k) => ({ name: k, items: [...(m.get(k) ?? [])].sort() }));
	return { routes, params: sorted(params), fields: sorted(fields) };
}

/** @param {Map<string, Set<string>>} map @param {string} key @param {string} value */
function add(map, key, value) {
	if (!map.has(key)) map.set(key, new Set());
	map.get(key)?.add(value);
}

/** @param {any} doc @param {any} schema @param {string} label @param {Map<string, Set<string>>} out @param {Set<string>} seen */
function collectMarked(doc, schema, label, out, seen) {
	if (!schema || typeof schema !== 'object') return;
	if (typeof schema.$ref === 'string') {
		if (seen.has(schema.$ref)) return;
		seen.add(schema.$ref);
		return collectMarked(doc, resolveRef(doc, schema), schema.$ref.split('/').pop(), out, seen);
	}
	for (const k of ['allOf', 'anyOf', 'oneOf']) for (const sub of schema[k] ?? []) collectMarked(doc, sub, label, out, seen);
	if (schema.items) collectMarked(doc, schema.items, label, out, seen);
	for (const [name, prop] of Object.entries(schema.properties ?? {})) {
		if (marked(prop)) add(out, label, name);
		else collectMarked(doc, prop, `${label}.${name}`, out, seen);
	}
}

export const OFF_BEGIN = '<!-- documented-off:begin (generated: node test/emulator/profile-surface.js; tests/profiles.test.js checks it) -->';
export const OFF_END = '<!-- documented-off:end -->';

/** README "Profiles" list of what `documented` switches off, generated from the spec. @param {ReturnType<typeof documentedOff>} off */
export function documentedOffMarkdown(off) {
	const code = (/** @type {string} */ s) => (s.startsWith('(') ? s : `\`${s}\``);
	const grouped = (/** @type {{name: string, items: string[]}[]} */ g) => g.map(({ name, items }) => `- ${code(name)}: ${items.map(code).join(', ')}`);
	return [
		OFF_BEGIN,
		'Routes (route-level 404 `{"detail":"Not Found"}`, or 405 `{"detail":"Method Not Allowed"}` where the path has another documented method):',
		'',
		...off.routes.map((r) => `- ${code(r)}`),
		'',
		'Parameters (ignored: neither rejected nor applied; absent from `/openapi.json`):',
		'',
		...grouped(off.params),
		'',
		'Fields (removed from request bodies before validation and from 2xx JSON answers; absent from `/openapi.json`):',
		'',
		...grouped(off.fields),
		OFF_END,
	].join('\n');
}

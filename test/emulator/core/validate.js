// @ts-check
/**
 * Request validation against the spec, answered FastAPI/pydantic style:
 * `422 {"detail":[{"type","loc","msg","input"}]}`. Query/path values are coerced from strings
 * the way FastAPI does (int, bool, arrays) and schema defaults are applied, so handlers get
 * typed values. Responses can be checked too (tests turn that on to keep handlers honest).
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { resolveRef } from './spec.js';
import { validationItem, validationError } from './errors.js';

const Ajv2020 = /** @type {any} */ (Ajv2020Module).default ?? Ajv2020Module;
const addFormats = /** @type {any} */ (addFormatsModule).default ?? addFormatsModule;

/** @typedef {import('./spec.js').Operation} Operation */

export class Validator {
	/** @param {any} doc the merged spec */
	constructor(doc) {
		this.doc = doc;
		this.ajv = new Ajv2020({ strict: false, allErrors: true, useDefaults: true, validateFormats: true });
		addFormats(this.ajv);
		this.ajv.addSchema({ $id: 'openapi.json', components: doc.components });
		/** @type {Map<any, any>} */
		this.cache = new Map();
	}

	/** @param {any} schema */
	compile(schema) {
		let fn = this.cache.get(schema);
		if (!fn) {
			fn = this.ajv.compile(rewriteRefs(schema));
			this.cache.set(schema, fn);
		}
		return fn;
	}

	/**
	 * @param {Operation} op
	 * @param {{ params: Record<string,string>, searchParams: URLSearchParams, headers: Record<string, any>, rawBody: string | undefined, prepareBody?: (body: any) => any }} req
	 *   `prepareBody` sees the parsed JSON body before validation (the documented profile drops x-inferred fields there)
	 * @returns {{ params: Record<string, any>, query: Record<string, any>, body: any }}
	 */
	request(op, req) {
		/** @type {any[]} */
		const errors = [];
		/** @type {Record<string, any>} */
		const params = { ...req.params };
		/** @type {Record<string, any>} */
		const query = {};
		for (const p of op.parameters) {
			if (p.in === 'path') {
				const v = this.scalar(p, [req.params[p.name]], ['path', p.name], errors);
				if (v !== undefined) params[p.name] = v;
			} else if (p.in === 'query') {
				const v = this.scalar(p, req.searchParams.getAll(p.name), ['query', p.name], errors);
				if (v !== undefined) query[p.name] = v;
			} else if (p.in === 'header' && p.name.toLowerCase() !== 'x-project-id') {
				const raw = req.headers[p.name.toLowerCase()];
				this.scalar(p, raw === undefined ? [] : [String(raw)], ['header', p.name], errors);
			}
		}
		let body;
		const rb = resolveRef(this.doc, op.operation.requestBody);
		const schema = rb?.content?.['application/json']?.schema;
		if (schema) {
			const raw = req.rawBody ?? '';
			if (raw.trim() === '') {
				if (rb.required) errors.push(validationItem(['body'], 'Field required', 'missing', null));
			} else {
				try {
					body = JSON.parse(raw);
				} catch (e) {
					errors.push({ ...validationItem(['body', 0], 'JSON decode error', 'json_invalid', {}), ctx: { error: /** @type {Error} */ (e).message } });
				}
				if (body !== undefined) {
					if (req.prepareBody) body = req.prepareBody(body);
					const fn = this.compile(schema);
					if (!fn(body)) errors.push(...toItems(fn.errors, ['body'], body));
				}
			}
		}
		if (errors.length) throw validationError(errors);
		return { params, query, body };
	}

	/** Coerce one path/query/header value the way FastAPI does, then validate it. */
	scalar(/** @type {any} */ p, /** @type {string[]} */ raws, /** @type {(string|number)[]} */ loc, /** @type {any[]} */ errors) {
		const schema = p.schema ?? {};
		const resolved = resolveRef(this.doc, schema) ?? {};
		if (raws.length === 0 || raws[0] === undefined) {
			if (p.required) errors.push(validationItem(loc, 'Field required', 'missing', null));
			return resolved.default !== undefined ? structuredClone(resolved.default) : undefined;
		}
		const type = primaryType(resolved);
		let value;
		if (type === 'array') {
			const itemType = primaryType(resolveRef(this.doc, resolved.items ?? {}) ?? {});
			value = raws.map((r, i) => coerce(itemType, r, [...loc, i], errors));
		} else {
			value = coerce(type, raws[raws.length - 1], loc, errors);
		}
		if (value === INVALID || (Array.isArray(value) && value.includes(INVALID))) return undefined;
		const fn = this.compile(schema);
		if (!fn(value)) errors.push(...toItems(fn.errors, loc, value));
		return value;
	}

	/**
	 * Problems of a response body against the spec (empty = fine). Only 2xx JSON answers are
	 * checked; an undocumented 2xx status is a problem too.
	 * @param {Operation} op @param {number} status @param {any} body
	 */
	response(op, status, body) {
		if (status < 200 || status >= 300) return [];
		const responses = op.operation.responses ?? {};
		const r = resolveRef(this.doc, responses[String(status)] ?? responses['2XX'] ?? responses.default);
		if (!r) return [`status ${status} is not documented for ${op.operationId}`];
		const schema = r.content?.['application/json']?.schema;
		if (!schema || body === undefined) return [];
		const fn = this.compile(schema);
		return fn(structuredClone(body)) ? [] : fn.errors.map((/** @type {any} */ e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
	}
}

const INVALID = Symbol('invalid');

/** @param {any} s */
function primaryType(s) {
	const t = Array.isArray(s.type) ? s.type.find((/** @type {string} */ x) => x !== 'null') : s.type;
	if (t) return t;
	if (s.allOf?.[0]?.type) return s.allOf[0].type;
	return 'string';
}

/** @param {string} type @param {string} raw @param {(string|number)[]} loc @param {any[]} errors */
function coerce(type, raw, loc, errors) {
	if (type === 'integer') {
		if (/^[+-]?\d+$/.test(raw.trim())) return Number(raw);
		errors.push(validationItem(loc, 'Input should be a valid integer, unable to parse string as an integer', 'int_parsing', raw));
		return INVALID;
	}
	if (type === 'number') {
		if (raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
		errors.push(validationItem(loc, 'Input should be a valid number, unable to parse string as a number', 'float_parsing', raw));
		return INVALID;
	}
	if (type === 'boolean') {
		const v = raw.trim().toLowerCase();
		if (['true', '1', 'yes', 'on', 't', 'y'].includes(v)) return true;
		if (['false', '0', 'no', 'off', 'f', 'n'].includes(v)) return false;
		errors.push(validationItem(loc, 'Input should be a valid boolean, unable to interpret input', 'bool_parsing', raw));
		return INVALID;
	}
	return raw;
}

/** Make `#/components/...` refs point into the registered spec document. @param {any} node @returns {any} */
function rewriteRefs(node) {
	if (Array.isArray(node)) return node.map(rewriteRefs);
	if (!node || typeof node !== 'object') return node;
	/** @type {Record<string, any>} */
	const out = {};
	for (const [k, v] of Object.entries(node)) {
		out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `openapi.json${v}` : rewriteRefs(v);
	}
	return out;
}

const TYPE_MSG = /** @type {Record<string, [string, string]>} */ ({
	string: ['string_type', 'Input should be a valid string'],
	integer: ['int_type', 'Input should be a valid integer'],
	number: ['float_type', 'Input should be a valid number'],
	boolean: ['bool_type', 'Input should be a valid boolean'],
	object: ['dict_type', 'Input should be a valid dictionary'],
	array: ['list_type', 'Input should be a valid list'],
	null: ['none_required', 'Input should be None'],
});

const FORMAT_MSG = /** @type {Record<string, [string, string]>} */ ({
	uuid: ['uuid_parsing', 'Input should be a valid UUID'],
	'date-time': ['datetime_from_date_parsing', 'Input should be a valid datetime'],
	date: ['date_from_datetime_parsing', 'Input should be a valid date'],
	uri: ['url_parsing', 'Input should be a valid URL'],
	email: ['value_error', 'value is not a valid email address'],
});

/** Translate ajv errors into pydantic-style items. */
function toItems(/** @type {any[]} */ ajvErrors, /** @type {(string|number)[]} */ prefix, /** @type {any} */ root) {
	const combinators = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'then', 'else']);
	const specific = ajvErrors.filter((e) => !combinators.has(e.keyword));
	const list = specific.length ? specific : ajvErrors;
	/** @type {Map<string, any>} */
	const out = new Map();
	for (const e of list) {
		const path = e.instancePath
			.split('/')
			.slice(1)
			.map((/** @type {string} */ s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
			.map((/** @type {string} */ s) => (/^\d+$/.test(s) ? Number(s) : s));
		const input = path.reduce((/** @type {any} */ o, /** @type {string|number} */ k) => (o == null ? undefined : o[k]), root);
		const loc = [...prefix, ...path];
		let item;
		const p = e.params;
		switch (e.keyword) {
			case 'required':
				item = validationItem([...loc, p.missingProperty], 'Field required', 'missing', input);
				break;
			case 'additionalProperties':
				item = validationItem([...loc, p.additionalProperty], 'Extra inputs are not permitted', 'extra_forbidden', input?.[p.additionalProperty]);
				break;
			case 'type': {
				const t = String(p.type).split(',').find((x) => x !== 'null') ?? 'null';
				const [type, msg] = TYPE_MSG[t] ?? ['type_error', e.message];
				item = validationItem(loc, msg, type, input);
				break;
			}
			case 'enum': {
				const vals = p.allowedValues.filter((/** @type {any} */ v) => v !== null).map((/** @type {any} */ v) => `'${v}'`);
				const msg = vals.length > 1 ? `Input should be ${vals.slice(0, -1).join(', ')} or ${vals[vals.length - 1]}` : `Input should be ${vals[0]}`;
				item = { ...validationItem(loc, msg, 'enum', input), ctx: { expected: vals.length > 1 ? `${vals.slice(0, -1).join(', ')} or ${vals[vals.length - 1]}` : vals[0] } };
				break;
			}
			case 'const':
				item = validationItem(loc, `Input should be '${p.allowedValue}'`, 'literal_error', input);
				break;
			case 'format': {
				const [type, msg] = FORMAT_MSG[p.format] ?? ['value_error', `Input should be a valid ${p.format}`];
				item = validationItem(loc, msg, type, input);
				break;
			}
			case 'pattern':
				item = validationItem(loc, `String should match pattern '${p.pattern}'`, 'string_pattern_mismatch', input);
				break;
			case 'minLength':
				item = validationItem(loc, `String should have at least ${p.limit} character${p.limit === 1 ? '' : 's'}`, 'string_too_short', input);
				break;
			case 'maxLength':
				item = validationItem(loc, `String should have at most ${p.limit} character${p.limit === 1 ? '' : 's'}`, 'string_too_long', input);
				break;
			case 'minimum':
				item = validationItem(loc, `Input should be greater than or equal to ${p.limit}`, 'greater_than_equal', input);
				break;
			case 'maximum':
				item = validationItem(loc, `Input should be less than or equal to ${p.limit}`, 'less_than_equal', input);
				break;
			case 'exclusiveMinimum':
				item = validationItem(loc, `Input should be greater than ${p.limit}`, 'greater_than', input);
				break;
			case 'exclusiveMaximum':
				item = validationItem(loc, `Input should be less than ${p.limit}`, 'less_than', input);
				break;
			case 'minItems':
				item = validationItem(loc, `List should have at least ${p.limit} item${p.limit === 1 ? '' : 's'} after validation, not ${input?.length ?? 0}`, 'too_short', input);
				break;
			case 'maxItems':
				item = validationItem(loc, `List should have at most ${p.limit} item${p.limit === 1 ? '' : 's'} after validation, not ${input?.length ?? 0}`, 'too_long', input);
				break;
			default:
				item = validationItem(loc, `Value error, ${e.message}`, 'value_error', input);
		}
		out.set(JSON.stringify([item.loc, item.type]), item);
	}
	return [...out.values()];
}

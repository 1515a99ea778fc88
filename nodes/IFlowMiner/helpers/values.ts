import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkId, parseJsonValue, splitTags } from '../../shared/helpers';

/** How one node parameter becomes one field of a Miner request body. */
export interface FieldSpec {
	/** Parameter name inside the collection (camelCase). */
	param: string;
	/** Field name in the API body (snake_case, current era). */
	key: string;
	/** Display name, used in error messages. */
	label: string;
	kind: 'string' | 'date' | 'enum' | 'tags' | 'json' | 'id';
	/** Allowed values of an enum. */
	values?: readonly string[];
	/** Accepted spellings mapped to a current value (legacy names, `tumor`). */
	aliases?: Readonly<Record<string, string>>;
}

type Ctx = Pick<IExecuteFunctions, 'getNode'>;

function fail(ctx: Ctx, itemIndex: number, message: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

/** A date parameter (picker, ISO text, Date or Luxon) as the YYYY-MM-DD the API stores. */
export function toIsoDate(ctx: Ctx, value: unknown, label: string, itemIndex: number): string {
	if (value && typeof value === 'object') {
		const luxon = value as { toISODate?: () => string | null };
		if (typeof luxon.toISODate === 'function') {
			const date = luxon.toISODate();
			if (date) return date;
		}
		if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
	}
	const text = String(value ?? '').trim();
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
	if (match) {
		const [, y, m, d] = match.map(Number);
		const check = new Date(Date.UTC(y, m - 1, d));
		if (check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d) {
			return text.slice(0, 10);
		}
	}
	return fail(ctx, itemIndex, `'${label}' must be a date (YYYY-MM-DD), got "${text}"`);
}

/** An enum value (aliases mapped to the current spelling); anything else names the field and the choices. */
export function toEnum(
	ctx: Ctx,
	value: unknown,
	label: string,
	values: readonly string[],
	itemIndex: number,
	aliases: Readonly<Record<string, string>> = {},
): string {
	const text = String(value ?? '')
		.trim()
		.toLowerCase();
	const mapped = aliases[text] ?? text;
	if (values.includes(mapped)) return mapped;
	return fail(ctx, itemIndex, `'${label}' must be one of ${values.join(', ')}; got "${String(value)}"`);
}

/** A JSON object parameter (text or object); invalid JSON or a non-object names the field. */
function toJsonObject(ctx: Ctx, value: unknown, label: string, itemIndex: number): IDataObject | undefined {
	const parsed = parseJsonValue(ctx, value, label, itemIndex);
	if (parsed === undefined) return undefined;
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		fail(ctx, itemIndex, `'${label}' must be a JSON object, e.g. {"first_name": "Jane"}`);
	}
	return parsed as IDataObject;
}

/** Convert one collection of parameters into an API body, checking every value before any request. */
export function buildBody(ctx: Ctx, itemIndex: number, specs: readonly FieldSpec[], values: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const spec of specs) {
		const value = values[spec.param];
		if (value === undefined || value === null || value === '') continue;
		switch (spec.kind) {
			case 'string': {
				const text = String(value).trim();
				if (text) body[spec.key] = text;
				break;
			}
			case 'date':
				body[spec.key] = toIsoDate(ctx, value, spec.label, itemIndex);
				break;
			case 'enum':
				body[spec.key] = toEnum(ctx, value, spec.label, spec.values ?? [], itemIndex, spec.aliases);
				break;
			case 'tags':
				body[spec.key] = splitTags(value);
				break;
			case 'json': {
				const object = toJsonObject(ctx, value, spec.label, itemIndex);
				if (object) body[spec.key] = object;
				break;
			}
			case 'id':
				body[spec.key] = checkId(ctx, value, spec.label, itemIndex).toLowerCase();
				break;
		}
	}
	return body;
}

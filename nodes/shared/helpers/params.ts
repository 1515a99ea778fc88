import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { UUID_PATTERN } from '../descriptions/locators';
import { segmentProblem } from './pathSafety';

/** Enough of a context to name the node in an error. */
type NodeCtx = Pick<IExecuteFunctions, 'getNode'>;

/**
 * The id from a resource locator (or string) parameter, checked before any request: empty →
 * "'Order' is empty"; not a UUID → "'Order' must be an iFlow ID". A non-UUID id (a slug) still
 * becomes one path segment, so `..`, `/` and the like are refused (they would move the request).
 */
export function requireId(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	options: IdOptions = {},
): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	return checkId(ctx, raw, label, itemIndex, options);
}

export interface IdOptions {
	uuid?: boolean;
	format?: { pattern: RegExp; expected: string };
}

/**
 * The checks of `requireId` on a value already read, e.g. one entry of a fixed collection
 * (a resource locator there arrives as `{ mode, value }`).
 */
export function checkId(ctx: NodeCtx, raw: unknown, label: string, itemIndex: number, options: IdOptions = {}): string {
	const given = raw && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
	const value = typeof given === 'string' || typeof given === 'number' ? String(given).trim() : '';
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' is empty: pick one from the list or enter its ID`, {
			itemIndex,
		});
	}
	if ((options.uuid ?? true) && !UUID_PATTERN.test(value)) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' must be an iFlow ID (a UUID), got "${value}"`, {
			itemIndex,
		});
	}
	if (options.format && !options.format.pattern.test(value)) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' must be ${options.format.expected}, got "${value}"`, {
			itemIndex,
		});
	}
	const unsafe = segmentProblem(value);
	if (unsafe) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' ${unsafe}: "${value.slice(0, 80)}"`, { itemIndex });
	}
	return value;
}

/** A required text parameter, trimmed; empty → an error naming the field. */
export function requireString(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) throw new NodeOperationError(ctx.getNode(), `'${label}' is required`, { itemIndex });
	return value;
}

/** An id parameter that may be empty (→ undefined); when given, the checks of `requireId`. */
export function optionalId(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	return value ? checkId(ctx, value, label, itemIndex) : undefined;
}

/**
 * A JSON parameter's value: an object given as such, text parsed; undefined when empty. Text that
 * is not JSON fails naming the field.
 */
export function parseJsonValue(ctx: NodeCtx, raw: unknown, label: string, itemIndex: number): unknown {
	if (raw === '' || raw === undefined || raw === null) return undefined;
	if (typeof raw !== 'string') return raw;
	if (!raw.trim()) return undefined;
	try {
		return JSON.parse(raw) as unknown;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' is not valid JSON: ${(error as Error).message}`, {
			itemIndex,
		});
	}
}

/** A JSON parameter that must hold an object or an array (a request body); undefined when empty. */
export function parseJsonParameter(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): IDataObject | IDataObject[] | undefined {
	const parsed = parseJsonValue(ctx, ctx.getNodeParameter(name, itemIndex, '') as unknown, label, itemIndex);
	if (parsed !== undefined && (typeof parsed !== 'object' || parsed === null)) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' is not valid JSON: not an object or array`, {
			itemIndex,
		});
	}
	return parsed as IDataObject | IDataObject[] | undefined;
}

/** Tags as a list or as comma- or newline-separated text ("a, b"), trimmed, without empties or duplicates. */
export function splitTags(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(/[,\n]/);
	return [...new Set(list.map((tag) => String(tag).trim()).filter(Boolean))];
}

/** Return All and Limit of a Get Many item: `limit` is undefined when Return All is on. */
export function readPaging(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { returnAll: boolean; limit: number | undefined } {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex) as boolean;
	return { returnAll, limit: returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex) as number) };
}

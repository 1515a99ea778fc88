import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { segmentProblem } from './pathSafety';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
export function checkId(
	ctx: IExecuteFunctions,
	raw: unknown,
	label: string,
	itemIndex: number,
	options: IdOptions = {},
): string {
	const given = raw && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
	const value = typeof given === 'string' || typeof given === 'number' ? String(given).trim() : '';
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' is empty: pick one from the list or enter its ID`, {
			itemIndex,
		});
	}
	if ((options.uuid ?? true) && !UUID.test(value)) {
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

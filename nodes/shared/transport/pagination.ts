import type { IDataObject } from 'n8n-workflow';

import type { FlowContext } from './context';
import type { FlowRequest } from './request';
import { flowRequest } from './request';

export const DEFAULT_PAGE_SIZE = 100;

/** Flow lists are bare arrays; tolerate `{items|data|results: [...]}` too. */
export function listItems(body: unknown, key?: string): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body && typeof body === 'object') {
		const record = body as Record<string, unknown>;
		for (const candidate of [key, 'items', 'data', 'results'].filter(Boolean) as string[]) {
			if (Array.isArray(record[candidate])) return record[candidate] as IDataObject[];
		}
	}
	return [];
}

export interface PagedRequest extends Omit<FlowRequest, 'method'> {
	returnAll: boolean;
	/** Used when returnAll is false. */
	limit?: number;
	pageSize?: number;
	/** Property holding the list when the body is an object. */
	itemsKey?: string;
}

function sameItem(a: IDataObject | undefined, b: IDataObject | undefined): boolean {
	if (!a || !b) return false;
	return a.id !== undefined ? a.id === b.id : JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Return All / Limit over Flow's limit+offset paging: stops at a short page, at the limit,
 * or when the server ignores `offset` and repeats a page.
 */
export async function flowRequestAll(this: FlowContext, request: PagedRequest): Promise<IDataObject[]> {
	const wanted = request.returnAll ? Infinity : Math.max(1, request.limit ?? 50);
	const pageSize = Math.min(request.pageSize ?? DEFAULT_PAGE_SIZE, wanted);
	const results: IDataObject[] = [];
	let previousFirst: IDataObject | undefined;

	for (let offset = 0; results.length < wanted; ) {
		const limit = Math.min(pageSize, wanted - results.length);
		const body = await flowRequest.call(this, {
			...request,
			method: 'GET',
			qs: { ...(request.qs ?? {}), limit, offset },
		});
		const page = listItems(body, request.itemsKey);
		if (page.length === 0 || (offset > 0 && sameItem(page[0], previousFirst))) break;
		previousFirst = page[0];
		results.push(...page.slice(0, wanted - results.length));
		if (page.length < limit) break;
		offset += page.length;
	}
	return results;
}

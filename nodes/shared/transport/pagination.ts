import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { queryParameterListed } from './capabilities';
import type { FlowContext } from './context';
import type { FlowRequestBase, ProjectScope } from './request';
import { flowRequestFull, flowServiceApi } from './request';

/** Pages as large as the reference's inferred maximum: fewer round trips for Return All. */
export const DEFAULT_PAGE_SIZE = 1000;
/** Page size asked for when the server cannot page (no `offset`): one large request. */
export const SINGLE_REQUEST_LIMIT = 1000;
/** Above this, a list without paging is not fetched again with a larger limit. */
const MAX_SINGLE_REQUEST_LIMIT = 100_000;

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

export type PagedRequest = Omit<FlowRequestBase, 'method'> & ProjectScope & PagingOptions;

interface PagingOptions {
	returnAll: boolean;
	/** Used when returnAll is false. */
	limit?: number;
	pageSize?: number;
	/** Property holding the list when the body is an object. */
	itemsKey?: string;
	/**
	 * Equality filters. Each is sent as a query parameter when the server lists it; otherwise it
	 * is applied here to what comes back, so a server that does not know it gives the same answer.
	 */
	filters?: IDataObject;
	/**
	 * Filters whose meaning is not equality (a text search): the value is sent as the query
	 * parameter when the server lists it; otherwise `matches` keeps or drops each record here.
	 */
	matchers?: Record<string, LocalMatcher>;
}

export interface LocalMatcher {
	value: string | number | boolean | undefined;
	matches: (item: IDataObject) => boolean;
}

function sameItem(a: IDataObject | undefined, b: IDataObject | undefined): boolean {
	if (!a || !b) return false;
	return a.id !== undefined ? a.id === b.id : JSON.stringify(a) === JSON.stringify(b);
}

const equals =
	(key: string, value: unknown) =>
	(item: IDataObject): boolean =>
		item[key] !== undefined && item[key] !== null && String(item[key]) === String(value);

/**
 * Return All / Limit over a Flow list. `limit` is documented; `offset` is not (INFERRED), so
 * paging with it happens only when the server lists it. Without it the list is read in one
 * request (repeated with a larger limit when filters applied here leave too few), and when even
 * that cannot return everything the node says so instead of returning part of the list.
 */
export async function flowRequestAll(this: FlowContext, request: PagedRequest): Promise<IDataObject[]> {
	const wanted = request.returnAll ? Infinity : Math.max(1, request.limit ?? 50);
	const api = await flowServiceApi(this, request.service);
	const listed = (name: string) => queryParameterListed(api, 'GET', request.path, name);
	const qs: IDataObject = { ...(request.qs ?? {}) };
	const local: Array<(item: IDataObject) => boolean> = [];
	const given = (value: unknown) => value !== undefined && value !== '' && value !== null;
	for (const [key, value] of Object.entries(request.filters ?? {})) {
		if (!given(value)) continue;
		if (listed(key)) qs[key] = value;
		else local.push(equals(key, value));
	}
	for (const [key, { value, matches }] of Object.entries(request.matchers ?? {})) {
		if (!given(value)) continue;
		if (listed(key)) qs[key] = value;
		else local.push(matches);
	}
	const keep = (page: IDataObject[]) =>
		local.length ? page.filter((item) => local.every((test) => test(item))) : page;
	const getPage = async (query: IDataObject): Promise<Page> => {
		const response = await flowRequestFull.call(this, { ...request, method: 'GET', qs: { ...qs, ...query } });
		const total = Number(response.headers?.['x-total-count']);
		return { items: listItems(response.body, request.itemsKey), total: Number.isFinite(total) ? total : undefined };
	};
	const get = async (query: IDataObject) => (await getPage(query)).items;

	if (listed('offset')) return await pageWithOffset(request, wanted, getPage, keep);
	// A server whose document does not list `limit` either (e.g. GET /orgs) returns its whole list.
	if (api.known && !listed('limit')) return keep(await get({})).slice(0, wanted);
	return await singleRequest.call(this, request, wanted, get, keep);
}

interface Page {
	items: IDataObject[];
	/** X-Total-Count, when the server sends it. */
	total?: number;
}

/**
 * Paging with limit + offset. The offset advances by what actually came back, so a server that
 * caps pages below the asked size still yields everything; the end is an empty page, a page
 * that repeats the previous one, or X-Total-Count reached. (A short page is not the end: it may
 * be a cap.)
 */
async function pageWithOffset(
	request: PagedRequest,
	wanted: number,
	getPage: (query: IDataObject) => Promise<Page>,
	keep: (page: IDataObject[]) => IDataObject[],
): Promise<IDataObject[]> {
	const pageSize = Math.min(request.pageSize ?? DEFAULT_PAGE_SIZE, wanted);
	const results: IDataObject[] = [];
	let previousFirst: IDataObject | undefined;
	for (let offset = 0; results.length < wanted; ) {
		const limit = Math.min(pageSize, wanted - results.length);
		const { items: page, total } = await getPage({ limit, offset });
		if (page.length === 0 || (offset > 0 && sameItem(page[0], previousFirst))) break;
		previousFirst = page[0];
		results.push(...keep(page).slice(0, wanted - results.length));
		offset += page.length;
		if (total !== undefined && offset >= total) break;
	}
	return results;
}

async function singleRequest(
	this: FlowContext,
	request: PagedRequest,
	wanted: number,
	get: (query: IDataObject) => Promise<IDataObject[]>,
	keep: (page: IDataObject[]) => IDataObject[],
): Promise<IDataObject[]> {
	const cannotPage = (limit: number) =>
		new NodeOperationError(
			this.getNode(),
			`This iFlow server cannot return more than ${limit} records of GET ${request.path}`,
			{
				description:
					'It does not offer paging (no `offset` parameter in its /openapi.json) and refuses a larger limit, so the rest of the list cannot be read. Narrow the list with filters, or turn off Return All and set a Limit.',
				itemIndex: request.itemIndex,
			},
		);
	let limit = Number.isFinite(wanted) ? wanted : SINGLE_REQUEST_LIMIT;
	for (let first = true; ; first = false) {
		const answer = await get({ limit }).then(
			(items) => ({ items, error: undefined }),
			(error: unknown) => ({ items: [] as IDataObject[], error }),
		);
		// A larger limit than the server allows (FastAPI: 422 on `le=`): the list is longer than it will give.
		if (answer.error instanceof NodeApiError && answer.error.httpCode === '422' && !first) throw cannotPage(limit / 10);
		if (answer.error) throw answer.error;
		const page = answer.items;
		const kept = keep(page);
		// A short page is the whole list; a full one that already holds enough matches is enough.
		if (page.length < limit || kept.length >= wanted) return kept.slice(0, wanted);
		if (limit >= MAX_SINGLE_REQUEST_LIMIT) throw cannotPage(limit);
		limit = Math.min(limit * 10, MAX_SINGLE_REQUEST_LIMIT);
	}
}

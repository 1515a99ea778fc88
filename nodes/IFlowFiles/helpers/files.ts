import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { baseName } from '../../shared/helpers';
import { toNodeError } from '../../shared/router';
import { flowRequest, flowRequestFull } from '../../shared/transport';
import type { FlowResponse } from '../../shared/transport';
import { asFolder } from './paths';

/** The FileItem keys the reference names (the CLI breaks on others), plus our full `path`. */
export const ENTRY_FIELDS = ['name', 'display_name', 'size', 'last_modified', 'is_folder', 'content_type'] as const;

/** Largest page the Files list accepts. */
export const MAX_PAGE = 1000;

export interface FilesCall {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex: number;
	/** A POST that only issues a signed URL may be repeated. */
	idempotent?: boolean;
}

/** A Files call: project as X-Project-ID header and `project_id` query (reference §8). */
export async function filesRequestFull<T = unknown>(ctx: IExecuteFunctions, call: FilesCall): Promise<FlowResponse<T>> {
	const request = { service: 'files' as const, project: 'required' as const, projectInQuery: true, ...call };
	return (await flowRequestFull.call(ctx, request)) as FlowResponse<T>;
}

export async function filesRequest<T = unknown>(ctx: IExecuteFunctions, call: FilesCall): Promise<T> {
	const request = { service: 'files' as const, project: 'required' as const, projectInQuery: true, ...call };
	return (await flowRequest.call(ctx, request)) as T;
}

/**
 * One list entry with exactly the reference's fields (null when absent) plus `path`, the full
 * bucket-relative path. `name` is the full key in Flow today; if a server sends only the leaf,
 * `path` is still complete.
 */
export function toEntry(raw: IDataObject, folder: string): IDataObject {
	const entry: IDataObject = {};
	for (const field of ENTRY_FIELDS) entry[field] = raw[field] ?? null;
	if (entry.is_folder === null) entry.is_folder = false;
	const name = String(raw.name ?? raw.display_name ?? '');
	const prefix = asFolder(folder);
	entry.path = name.includes('/') || name.startsWith(prefix) || prefix === '' ? name : `${prefix}${name}`;
	if (entry.display_name === null) entry.display_name = baseName(name);
	return entry;
}

interface ListPage {
	entries: IDataObject[];
	/** Entries the server said it had (X-Total-Count), if it said. */
	total?: number;
}

async function listPage(
	ctx: IExecuteFunctions,
	folder: string,
	recursive: boolean,
	limit: number,
	offset: number,
	itemIndex: number,
): Promise<ListPage> {
	const qs: IDataObject = { path: asFolder(folder), limit, offset };
	if (recursive) qs.recursive = true;
	const response = await filesRequestFull<IDataObject>(ctx, { method: 'GET', path: '/files', qs, itemIndex });
	const body = response.body ?? {};
	const raw = [
		...((Array.isArray(body.folders) ? body.folders : []) as IDataObject[]),
		...((Array.isArray(body.files) ? body.files : []) as IDataObject[]),
	];
	const header = response.headers['x-total-count'];
	const total = header === undefined ? undefined : Number(header);
	return {
		entries: raw.map((entry) => toEntry(entry, folder)),
		total: Number.isFinite(total) ? total : undefined,
	};
}

/**
 * Entries of a folder (one level, or every object below with `recursive`), folders first,
 * paging with limit/offset until `wanted` entries, a short page, the announced total, or a
 * server that ignores `offset` and repeats itself.
 */
export async function listFolder(
	ctx: IExecuteFunctions,
	folder: string,
	options: { recursive: boolean; wanted: number; itemIndex: number },
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	let firstOfPrevious: unknown;
	for (let offset = 0; results.length < options.wanted; ) {
		const limit = Math.min(MAX_PAGE, options.wanted - results.length);
		const page = await listPage(ctx, folder, options.recursive, limit, offset, options.itemIndex);
		if (page.entries.length === 0) break;
		if (offset > 0 && page.entries[0].path === firstOfPrevious) break;
		firstOfPrevious = page.entries[0].path;
		results.push(...page.entries.slice(0, options.wanted - results.length));
		offset += page.entries.length;
		if (page.entries.length < limit || (page.total !== undefined && offset >= page.total)) break;
	}
	return results;
}

function isMissingRoute(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	// A missing object says "File not found"; a server without the metadata route says "Not Found".
	return error.httpCode === '405' || (error.httpCode === '404' && /:\s*Not Found$/.test(error.message));
}

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/**
 * The entry of one object (or folder), or undefined when nothing is there. Uses
 * `GET /files/metadata`; where a server lacks it, lists the parent folder instead.
 */
export async function statPath(
	ctx: IExecuteFunctions,
	path: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	try {
		const raw = await filesRequest<IDataObject>(ctx, {
			method: 'GET',
			path: '/files/metadata',
			qs: { path },
			itemIndex,
		});
		return toEntry(raw, path.split('/').slice(0, -1).join('/'));
	} catch (error) {
		if (!isMissingRoute(error)) {
			if (isNotFound(error)) return undefined;
			throw toNodeError(ctx, error, itemIndex);
		}
	}
	const trimmed = path.replace(/\/+$/, '');
	const parent = trimmed.includes('/') ? trimmed.slice(0, trimmed.lastIndexOf('/')) : '';
	const entries = await listFolder(ctx, parent, { recursive: false, wanted: Infinity, itemIndex });
	return entries.find((entry) => String(entry.path).replace(/\/+$/, '') === trimmed);
}

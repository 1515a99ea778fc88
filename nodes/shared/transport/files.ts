import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { entryKey, folderOfPrefix, walkFiles } from '../helpers/filesWalk';
import type { FilesLevel } from '../helpers/filesWalk';
import { queryParameterListed } from './capabilities';
import type { ServiceApi } from './capabilities';
import type { FlowContext } from './context';
import { flowRequestFull, flowServiceApi } from './request';

// GET /files (docs/flow-api.md §8.1) lists ONE folder level, folders then files, with no paging.
// `recursive`, `limit` and `offset` are ours (INFERRED): they are sent only when the server's
// /openapi.json lists them, and every answer is the same without them (the node walks the tree
// and reads a level in one request).

/** Entries the reference expects in one listing at most (INFERRED "up to 1000, no continuation"). */
export const FILES_LIST_CAP = 1000;

export interface FilesScope {
	/** The project the caller chose (see FlowRequest's ProjectScope); undefined = the credential's. */
	projectId: string | undefined;
	itemIndex?: number;
}

/** A raw FileItem (exactly the server's keys) and its full bucket-relative key. */
export interface FilesEntry {
	key: string;
	entry: IDataObject;
}

export interface FilesListing {
	bucket: string | null;
	/** Folders first, then files, in the server's order. */
	entries: FilesEntry[];
	/** False when the server may have left entries out (no paging, and the answer hit its cap). */
	complete: boolean;
}

function asFolder(path: string): string {
	return path === '' ? '' : `${path.replace(/\/+$/, '')}/`;
}

async function filesApi(ctx: FlowContext): Promise<{ api: ServiceApi; listed: (name: string) => boolean }> {
	const api = await flowServiceApi(ctx, 'files');
	return { api, listed: (name) => queryParameterListed(api, 'GET', '/files', name) };
}

async function getFiles(ctx: FlowContext, qs: IDataObject, scope: FilesScope) {
	return await flowRequestFull.call(ctx, {
		service: 'files',
		method: 'GET',
		path: '/files',
		qs,
		project: 'required',
		projectInQuery: true,
		projectId: scope.projectId,
		itemIndex: scope.itemIndex,
	});
}

function readBody(body: unknown, folder: string): { bucket: string | null; entries: FilesEntry[] } {
	const record = (body && typeof body === 'object' ? body : {}) as IDataObject;
	const list = (name: string) => (Array.isArray(record[name]) ? (record[name] as IDataObject[]) : []);
	const raw = [...list('folders'), ...list('files')];
	return {
		bucket: typeof record.bucket_name === 'string' ? record.bucket_name : null,
		entries: raw.map((entry) => ({ key: entryKey(entry, folder), entry })),
	};
}

function announcedTotal(headers: Record<string, unknown>): number | undefined {
	const value = Number(headers['x-total-count']);
	return headers['x-total-count'] === undefined || !Number.isFinite(value) ? undefined : value;
}

/**
 * One listing of `folder` (`''` = bucket root): one level, or with `recursive` every file below
 * (only on a server that lists `recursive`). At most `wanted` entries; paged with limit/offset
 * only when the server lists both, otherwise one request.
 */
export async function listFilesLevel(
	ctx: FlowContext,
	folderPath: string,
	options: { wanted?: number; recursive?: boolean } & FilesScope,
): Promise<FilesListing> {
	const folder = asFolder(folderPath);
	const wanted = options.wanted ?? Infinity;
	const { listed } = await filesApi(ctx);
	const base: IDataObject = { path: folder };
	if (options.recursive) base.recursive = true;

	if (listed('limit') && listed('offset')) {
		const entries: FilesEntry[] = [];
		let bucket: string | null = null;
		let previousFirst: string | undefined;
		for (let offset = 0; entries.length < wanted; ) {
			const limit = Math.min(FILES_LIST_CAP, wanted - entries.length);
			const response = await getFiles(ctx, { ...base, limit, offset }, options);
			const page = readBody(response.body, folder);
			bucket = page.bucket ?? bucket;
			// A server that ignores `offset` repeats its first page: stop rather than loop.
			if (page.entries.length === 0 || (offset > 0 && page.entries[0].key === previousFirst)) break;
			previousFirst = page.entries[0].key;
			entries.push(...page.entries.slice(0, wanted - entries.length));
			offset += page.entries.length;
			const total = announcedTotal(response.headers);
			if (page.entries.length < limit || (total !== undefined && offset >= total)) break;
		}
		return { bucket, entries, complete: true };
	}

	const qs = { ...base };
	if (listed('limit') && Number.isFinite(wanted)) qs.limit = Math.min(FILES_LIST_CAP, wanted);
	const response = await getFiles(ctx, qs, options);
	const page = readBody(response.body, folder);
	const total = announcedTotal(response.headers);
	const complete =
		(total === undefined || total <= page.entries.length) &&
		(qs.limit !== undefined || page.entries.length !== FILES_LIST_CAP);
	return { bucket: page.bucket, entries: page.entries.slice(0, wanted), complete };
}

/** The error for a listing that may have left entries out (see `FilesListing.complete`). */
export function filesListIncompleteError(
	ctx: FlowContext,
	folder: string,
	count: number,
	scope: Pick<FilesScope, 'itemIndex'>,
) {
	return new NodeOperationError(
		ctx.getNode(),
		`iFlow listed ${count} entries in "${folder || '/'}" and may have more: this server offers no paging for GET /files`,
		{
			itemIndex: scope.itemIndex,
			description:
				'The answer could be incomplete, so the node stops instead of returning part of the folder. Choose a folder with fewer entries.',
		},
	);
}

/**
 * Every file whose key starts with `prefix` (may end mid-name), in key order, at most `limit`.
 * Uses the server's `recursive` when its /openapi.json lists it; otherwise walks the tree one
 * level at a time (a few levels in flight at once), stopping once `limit` files are found.
 */
export async function listFilesUnder(
	ctx: FlowContext,
	prefix: string,
	options: { limit?: number; concurrency?: number } & FilesScope,
): Promise<{ bucket: string | null; files: FilesEntry[] }> {
	const limit = options.limit ?? Infinity;
	const folder = folderOfPrefix(prefix);
	const { listed } = await filesApi(ctx);

	if (listed('recursive')) {
		const partial = prefix !== folder;
		const listing = await listFilesLevel(ctx, folder, {
			...options,
			recursive: true,
			wanted: partial ? Infinity : limit,
		});
		if (!listing.complete) throw filesListIncompleteError(ctx, folder, listing.entries.length, options);
		const files = listing.entries
			.filter(({ key, entry }) => entry.is_folder !== true && key.startsWith(prefix))
			.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
			.slice(0, limit);
		return { bucket: listing.bucket, files };
	}

	let bucket: string | null = null;
	const listLevel = async (level: string): Promise<FilesLevel<IDataObject>> => {
		const listing = await listFilesLevel(ctx, level, options);
		if (!listing.complete) throw filesListIncompleteError(ctx, level, listing.entries.length, options);
		bucket = listing.bucket ?? bucket;
		return {
			folders: listing.entries.filter(({ entry }) => entry.is_folder === true).map(({ key }) => key),
			files: listing.entries.filter(({ entry }) => entry.is_folder !== true),
		};
	};
	const files = await walkFiles({ prefix, listLevel, limit, concurrency: options.concurrency });
	return { bucket, files };
}

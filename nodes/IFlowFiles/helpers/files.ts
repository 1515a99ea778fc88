import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { baseName } from '../../shared/helpers';
import { entryKey } from '../../shared/helpers/filesWalk';
import { itemProject } from '../../shared/project';
import { toNodeError } from '../../shared/router';
import {
	filesListIncompleteError,
	flowRequest,
	isNotFound,
	listFilesLevel,
	listFilesUnder,
} from '../../shared/transport';
import { routeListed } from '../../shared/transport/capabilities';
import { flowServiceApi } from '../../shared/transport/request';
import { asFolder } from './paths';

/** The FileItem keys the reference names (the CLI breaks on others), plus our full `path`. */
export const ENTRY_FIELDS = ['name', 'display_name', 'size', 'last_modified', 'is_folder', 'content_type'] as const;

export interface FilesCall {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex: number;
	/** A POST that only issues a signed URL may be repeated. */
	idempotent?: boolean;
	/** The route is not in the published reference: see FlowRequest.beyondReference. */
	beyondReference?: { instead?: string };
}

/** A Files call: project as X-Project-ID header and `project_id` query (docs/flow-api.md §8). */
export async function filesRequest<T = unknown>(ctx: IExecuteFunctions, call: FilesCall): Promise<T> {
	const project = itemProject(ctx, call.itemIndex);
	const request = { service: 'files' as const, project: 'required' as const, projectId: project, projectInQuery: true };
	return (await flowRequest.call(ctx, { ...request, ...call })) as T;
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
	entry.path = entryKey(raw, asFolder(folder));
	if (entry.display_name === null) entry.display_name = baseName(String(entry.path));
	return entry;
}

/**
 * Entries of a folder: one level (folders first), or every file below it in key order with
 * `recursive`. At most `wanted` entries.
 */
export async function listFolder(
	ctx: IExecuteFunctions,
	folder: string,
	options: { recursive: boolean; wanted: number; itemIndex: number },
): Promise<IDataObject[]> {
	const { itemIndex, wanted } = options;
	if (options.recursive) {
		const { files } = await listFilesUnder(ctx, asFolder(folder), {
			limit: wanted,
			itemIndex,
			projectId: itemProject(ctx, itemIndex),
		});
		return files.map(({ key, entry }) => toEntry(entry, key.slice(0, key.lastIndexOf('/') + 1)));
	}
	const listing = await listFilesLevel(ctx, folder, { wanted, itemIndex, projectId: itemProject(ctx, itemIndex) });
	if (!listing.complete && listing.entries.length < wanted)
		throw filesListIncompleteError(ctx, asFolder(folder), listing.entries.length, { itemIndex });
	return listing.entries.map(({ entry }) => toEntry(entry, folder));
}

/** The parent folder of a path (`a/b/c.txt` → `a/b/`, `a/b/` → `a/`, `c.txt` → ``). */
function parentOf(path: string): string {
	const trimmed = path.replace(/\/+$/, '');
	return trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
}

/**
 * The entry of one object (or folder), or undefined when nothing is there. Reads the parent
 * folder's listing (documented); `GET /files/metadata` (ours, INFERRED) only when the server's
 * /openapi.json lists it.
 */
export async function statPath(
	ctx: IExecuteFunctions,
	path: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	if (routeListed(await flowServiceApi(ctx, 'files'), 'GET', '/files/metadata')) {
		try {
			const raw = await filesRequest<IDataObject>(ctx, {
				method: 'GET',
				path: '/files/metadata',
				qs: { path },
				itemIndex,
			});
			return toEntry(raw, parentOf(path));
		} catch (error) {
			if (isNotFound(error)) return undefined;
			throw toNodeError(ctx, error, itemIndex);
		}
	}
	const parent = parentOf(path);
	const wanted = path.replace(/\/+$/, '');
	const listing = await listFilesLevel(ctx, parent, { itemIndex, projectId: itemProject(ctx, itemIndex) });
	const found = listing.entries.find(({ key }) => key.replace(/\/+$/, '') === wanted);
	if (found) return toEntry(found.entry, parent);
	// Not in a listing that may be cut short: "does not exist" could be wrong.
	if (!listing.complete) throw filesListIncompleteError(ctx, parent, listing.entries.length, { itemIndex });
	return undefined;
}

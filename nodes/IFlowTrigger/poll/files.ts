import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { toBucketPath } from '../../shared/helpers';
import { flowRequest, listItems } from '../../shared/transport';
import { queryParameterListed } from '../../shared/transport/capabilities';
import { flowServiceApi } from '../../shared/transport/request';
import type { Timed } from '../helpers/cursor';
import { SeenWindow, byTime, timeOf } from '../helpers/cursor';
import { fileItem } from './items';
import type { Settings } from './settings';
import { commit, inBatches } from './settings';

/** Folders read per poll at most; a wider prefix fails asking for a narrower one. */
export const MAX_FOLDERS = 5_000;
/** Entries per page where the server lists `limit`/`offset` on GET /files (not in the reference). */
export const FILES_PAGE_SIZE = 1000;
const MAX_PAGES_PER_FOLDER = 100;

/** The folder to list for a path prefix (`analyses/run-` lists `analyses/`). */
export function folderOf(prefix: string): string {
	return prefix.slice(0, prefix.lastIndexOf('/') + 1);
}

/** Whether a folder can hold paths starting with `prefix` (it is inside it, or on the way to it). */
export function folderReaches(folder: string, prefix: string): boolean {
	return folder.startsWith(prefix) || prefix.startsWith(folder);
}

interface FolderListing {
	bucket: string | null;
	files: IDataObject[];
	folders: string[];
}

interface ListingMode {
	recursive: boolean;
	paged: boolean;
}

/**
 * Every object under `prefix`, with its time (`last_modified`) and id (its path). The documented
 * `GET /files?path=` lists one folder level (§8.1), so the folders are walked level by level,
 * CONCURRENCY at a time. Where the server lists `recursive` the first listing usually holds
 * everything; folders it still returns are walked too, so a server that ignores it loses nothing.
 */
export async function listFilesUnder(
	ctx: IPollFunctions,
	projectId: string,
	prefix: string,
): Promise<{ bucket: string | null; files: Array<Timed<IDataObject>> }> {
	const api = await flowServiceApi(ctx, 'files');
	const listed = (name: string) => queryParameterListed(api, 'GET', '/files', name);
	const mode: ListingMode = { recursive: listed('recursive'), paged: listed('limit') && listed('offset') };
	const start = folderOf(prefix);
	const visited = new Set<string>([start]);
	const files = new Map<string, Timed<IDataObject>>();
	let bucket: string | null = null;
	for (let level = [start]; level.length; ) {
		const listings = await inBatches(level, async (folder) => await listFolder(ctx, projectId, folder, mode));
		const next: string[] = [];
		listings.forEach((listing, i) => {
			bucket ??= listing.bucket;
			for (const file of listing.files) {
				const name = String(file.name ?? '');
				const time = timeOf(file.last_modified);
				if (!name.startsWith(prefix) || time === undefined || files.has(name)) continue;
				files.set(name, { time, id: name, entry: file });
			}
			for (const folder of listing.folders) {
				// Only folders below the one listed: a listing cannot send the walk in circles.
				if (visited.has(folder) || !folder.startsWith(level[i]) || !folderReaches(folder, prefix)) continue;
				visited.add(folder);
				next.push(folder);
			}
		});
		if (visited.size > MAX_FOLDERS) {
			throw new NodeOperationError(ctx.getNode(), `More than ${MAX_FOLDERS} folders under "${start || '/'}"`, {
				description:
					"iFlow lists files one folder at a time, so every poll reads every folder under the prefix. Set a narrower 'Path Prefix'.",
			});
		}
		level = next;
	}
	return { bucket, files: [...files.values()] };
}

async function listFolder(
	ctx: IPollFunctions,
	projectId: string,
	folder: string,
	mode: ListingMode,
): Promise<FolderListing> {
	const out: FolderListing = { bucket: null, files: [], folders: [] };
	for (let page = 0, offset = 0; page < MAX_PAGES_PER_FOLDER; page++) {
		const qs: IDataObject = { path: folder };
		if (mode.recursive) qs.recursive = true;
		if (mode.paged) Object.assign(qs, { limit: FILES_PAGE_SIZE, offset });
		const body = (await flowRequest.call(ctx, {
			service: 'files',
			method: 'GET',
			path: '/files',
			qs,
			project: 'required',
			projectId,
			projectInQuery: true,
		})) as IDataObject;
		if (typeof body?.bucket_name === 'string') out.bucket = body.bucket_name;
		const entries = [...listItems(body, 'folders'), ...listItems(body, 'files')];
		for (const entry of entries) {
			const name = String(entry?.name ?? '');
			if (!name) continue;
			if (entry.is_folder === true || name.endsWith('/')) out.folders.push(name.endsWith('/') ? name : `${name}/`);
			else out.files.push(entry);
		}
		if (!mode.paged || entries.length < FILES_PAGE_SIZE) return out;
		offset += entries.length;
	}
	throw new NodeOperationError(
		ctx.getNode(),
		`More than ${FILES_PAGE_SIZE * MAX_PAGES_PER_FOLDER} entries in "${folder || '/'}"`,
		{
			description: "Set a narrower 'Path Prefix'.",
		},
	);
}

/** File Added: objects whose (path, last_modified) the window has not seen; a replaced file is new again. */
export async function pollFiles(
	ctx: IPollFunctions,
	s: Settings,
	raw: string,
	path: string,
): Promise<INodeExecutionData[]> {
	const { bucket, files } = await listFilesUnder(ctx, s.projectId, path);
	// A bucket URI is checked once the listing has told us the project's bucket.
	const other = bucket ? toBucketPath(raw, bucket, { allowEmpty: true }).problem : undefined;
	if (other) throw new NodeOperationError(ctx.getNode(), `Invalid 'Path Prefix': ${other}`);
	const toItem = (file: Timed<IDataObject>) =>
		fileItem(file.entry, bucket, { type: 'fileAdded', time: String(file.entry.last_modified), from: null, to: null });

	if (s.manual) {
		const newest = [...files].sort(byTime).pop();
		return newest ? [toItem(newest)] : [];
	}
	const window = s.stored?.window ?? SeenWindow.empty();
	const fresh = s.stored || s.emitExisting ? files.filter((f) => window.isNew(f.time, f.id)).sort(byTime) : [];
	for (const f of s.stored ? fresh : files) window.add(f.time, f.id);
	commit(s, { window, open: new Map(), feedTop: null });
	return fresh.map(toItem);
}

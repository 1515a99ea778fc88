import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { flowRequest, listItems } from '../../shared/transport';
import type { Timed } from '../helpers/cursor';
import { timeOf } from '../helpers/cursor';

export const FILES_PAGE_SIZE = 1000;
export const FILES_MAX_PAGES = 100;

/** The folder to list for a path prefix (`analyses/run-` lists `analyses/`). */
export function folderOf(prefix: string): string {
	return prefix.slice(0, prefix.lastIndexOf('/') + 1);
}

/**
 * Every object under `prefix` with its time (`last_modified`) and id (its path). The listing is
 * ordered by name, not time, so it must be read to the end before anything can be emitted;
 * a listing longer than the page cap fails loudly instead of emitting a partial view.
 */
export async function listFilesUnder(
	ctx: IPollFunctions,
	projectId: string,
	prefix: string,
	pageSize = FILES_PAGE_SIZE,
	maxPages = FILES_MAX_PAGES,
): Promise<{ bucket: string | null; files: Array<Timed<IDataObject>> }> {
	const folder = folderOf(prefix);
	const out: Array<Timed<IDataObject>> = [];
	let bucket: string | null = null;
	for (let page = 0, offset = 0; page < maxPages; page++) {
		const body = (await flowRequest.call(ctx, {
			service: 'files',
			method: 'GET',
			path: '/files',
			qs: { path: folder, recursive: true, limit: pageSize, offset },
			project: 'required',
			projectId,
		})) as IDataObject;
		const files = listItems(body, 'files');
		bucket = typeof body?.bucket_name === 'string' ? body.bucket_name : bucket;
		const count = files.length + listItems(body, 'folders').length;
		for (const file of files) {
			const name = String(file.name ?? '');
			const time = timeOf(file.last_modified);
			if (file.is_folder === true || !name.startsWith(prefix) || time === undefined) continue;
			out.push({ time, id: name, entry: { ...file, bucket_name: bucket } });
		}
		if (count < pageSize) return { bucket, files: out };
		offset += count;
	}
	throw new NodeOperationError(ctx.getNode(), `More than ${pageSize * maxPages} files under "${folder || '/'}"`, {
		description: "Set a narrower 'Path Prefix' so the trigger can read the whole listing in one poll.",
	});
}

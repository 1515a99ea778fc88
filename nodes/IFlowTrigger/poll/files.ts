import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { toBucketPath } from '../../shared/helpers';
import { listFilesUnder } from '../../shared/transport';
import type { Timed } from '../helpers/cursor';
import { SeenWindow, byTime, timeOf } from '../helpers/cursor';
import { fileItem } from './items';
import type { Settings } from './settings';
import { commit } from './settings';

/** File Added: objects whose (path, last_modified) the window has not seen; a replaced file is new again. */
export async function pollFiles(
	ctx: IPollFunctions,
	s: Settings,
	raw: string,
	path: string,
): Promise<INodeExecutionData[]> {
	// The shared walk: one folder level per request (docs/flow-api.md §8.1), `recursive` and paging only
	// where the server lists them, and an error rather than a listing that may be cut short.
	const listing = await listFilesUnder(ctx, path, { projectId: s.projectId });
	const bucket = listing.bucket;
	const files: Array<Timed<IDataObject>> = [];
	for (const { key, entry } of listing.files) {
		const time = timeOf(entry.last_modified);
		if (time !== undefined) files.push({ time, id: key, entry });
	}
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

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { EventInfo } from '../helpers/events';

// Every output item is built here: the record as Flow returned it, plus the `event` object.

export function recordItem(record: IDataObject, event: EventInfo): INodeExecutionData {
	return { json: { ...record, event } };
}

/** A run as listed (the list view may omit project_id, as the CLI notes: filled in here). */
export function runItem(run: IDataObject, event: EventInfo, projectId: string): INodeExecutionData {
	return { json: { ...run, project_id: run.project_id ?? projectId, event } };
}

/** A file entry of a listing, with the bucket it is in. */
export function fileItem(file: IDataObject, bucket: string | null, event: EventInfo): INodeExecutionData {
	return { json: { ...file, bucket_name: bucket, event } };
}

/** A record gone before the poll could read it (deleted): still an event, reported with its id. */
export function missingItem(id: string, event: EventInfo): INodeExecutionData {
	return { json: { id, event: { ...event, entityMissing: true } } };
}

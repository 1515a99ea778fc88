import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { toBucketPath } from '../../shared/helpers';
import { resolveProjectId } from '../../shared/transport';
import type { FeedCursor } from '../helpers/cursor';
import { EMPTY_CURSOR, advanceCursor, copyCursor, cursorAtNewest, newSinceCursor } from '../helpers/cursor';
import type { AuditTriggerEvent, EventFilters, RunOutcome, TriggerEvent } from '../helpers/events';
import { AUDIT_SOURCES, matchAuditEvent } from '../helpers/events';
import { auditPagesAfter, auditPagesNewestFirst, cursorAtLatestEvent } from './auditFeed';
import { loadCursor, pollDeadline, saveCursor } from './context';
import type { ItemOptions, Match } from './entities';
import { itemsForMatches } from './entities';
import { listFilesUnder } from './files';

/** Manual "Fetch Test Event" looks this far back for a matching event. */
const MANUAL_MAX_PAGES = 10;

interface Settings {
	event: TriggerEvent;
	projectId: string;
	manual: boolean;
	emitExisting: boolean;
	state: IDataObject;
}

const param = (ctx: IPollFunctions, name: string, fallback: unknown): unknown =>
	ctx.getNodeParameter(name, fallback, { extractValue: true });

/**
 * One poll. The cursor in the node's static data moves only past what this poll returns, and
 * only once every read succeeded: any error is thrown before the cursor is written.
 */
export async function pollFlow(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const project = String(param(this, 'project', '') ?? '').trim();
	const options = param(this, 'options', {}) as IDataObject;
	const settings: Settings = {
		event: param(this, 'event', 'runFinished') as TriggerEvent,
		projectId: (await resolveProjectId(this, 'required', 0, project)) as string,
		manual: this.getMode() === 'manual',
		emitExisting: options.emitExisting === true,
		state: this.getWorkflowStaticData('node'),
	};
	const items = settings.event === 'fileAdded' ? await pollFiles(this, settings) : await pollAudit(this, settings);
	return items.length ? [items] : null;
}

async function pollAudit(ctx: IPollFunctions, s: Settings): Promise<INodeExecutionData[]> {
	const type = s.event as AuditTriggerEvent;
	const filters: EventFilters = {
		toStatuses: type === 'orderStatusChanged' ? (param(ctx, 'toStatuses', []) as string[]) : [],
		outcome: type === 'runFinished' ? (param(ctx, 'outcome', 'any') as RunOutcome) : 'any',
	};
	const itemOptions: ItemOptions = {
		projectId: s.projectId,
		pipeline: type === 'runFinished' ? String(param(ctx, 'pipeline', '') ?? '').trim() : '',
	};
	const { entityType } = AUDIT_SOURCES[type];
	const query = { projectId: s.projectId, entityType };
	const slugCache = new Map<string, Promise<string>>();
	const matchesOf = (events: Array<Match['event']>): Match[] =>
		events.flatMap((event) => {
			const info = matchAuditEvent(type, filters, event);
			return info ? [{ event, info }] : [];
		});

	if (s.manual) {
		for await (const page of auditPagesNewestFirst(ctx, { ...query, maxPages: MANUAL_MAX_PAGES })) {
			for (const match of matchesOf(page)) {
				const [item] = await itemsForMatches(ctx, entityType, [match], itemOptions, slugCache);
				if (item) return [item];
			}
		}
		return [];
	}

	const key = `${type}:${s.projectId}`;
	let cursor = loadCursor(s.state, key);
	if (!cursor) {
		if (!s.emitExisting) {
			// First activation: remember where the project's feed stands, emit nothing.
			saveCursor(s.state, key, await cursorAtLatestEvent(ctx, { projectId: s.projectId }));
			return [];
		}
		cursor = EMPTY_CURSOR;
	}

	const deadline = pollDeadline(ctx);
	const items: INodeExecutionData[] = [];
	let next: FeedCursor = cursor;
	let moved = false;
	for await (const page of auditPagesAfter(ctx, query, cursor)) {
		items.push(...(await itemsForMatches(ctx, entityType, matchesOf(page.events), itemOptions, slugCache)));
		next = page.cursor;
		moved ||= page.events.length > 0;
		// Out of time: the rest is left for the next poll. Pages holding only entries returned
		// before (a large group at the cursor's time) do not count, or such a group could stall.
		if (moved && Date.now() >= deadline) break;
	}
	saveCursor(s.state, key, next);
	return items;
}

async function pollFiles(ctx: IPollFunctions, s: Settings): Promise<INodeExecutionData[]> {
	const raw = String(param(ctx, 'pathPrefix', '') ?? '');
	const { path, problem } = toBucketPath(raw, undefined, { allowEmpty: true });
	if (problem !== undefined || path === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Invalid 'Path Prefix': ${problem}`);
	}
	const { bucket, files } = await listFilesUnder(ctx, s.projectId, path);
	// A bucket URI is checked once the listing has told us the project's bucket.
	const other = bucket ? toBucketPath(raw, bucket, { allowEmpty: true }).problem : undefined;
	if (other) throw new NodeOperationError(ctx.getNode(), `Invalid 'Path Prefix': ${other}`);
	const toItem = (file: (typeof files)[number]): INodeExecutionData => ({
		json: {
			...file.entry,
			event: { type: 'fileAdded', time: file.entry.last_modified, from: null, to: null },
		},
	});

	if (s.manual) {
		const newest = newSinceCursor(EMPTY_CURSOR, files).pop();
		return newest ? [toItem(newest)] : [];
	}

	const key = `fileAdded:${s.projectId}:${path}`;
	let cursor = loadCursor(s.state, key);
	if (!cursor) {
		if (!s.emitExisting) {
			saveCursor(s.state, key, cursorAtNewest(files));
			return [];
		}
		cursor = EMPTY_CURSOR;
	}
	const fresh = newSinceCursor(cursor, files);
	if (fresh.length) saveCursor(s.state, key, cursorAfter(cursor, fresh));
	return fresh.map(toItem);
}

/** The cursor past a batch of new entries (sorted oldest first). */
function cursorAfter(cursor: FeedCursor, fresh: Array<{ time: number; id: string }>): FeedCursor {
	const next = copyCursor(cursor);
	for (const entry of fresh) advanceCursor(next, entry.time, entry.id);
	return next;
}

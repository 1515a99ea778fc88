import type { IDataObject } from 'n8n-workflow';

import { SeenWindow, timeOf } from '../helpers/cursor';
import type { TriggerEvent } from '../helpers/events';

/**
 * What a trigger keeps between polls (the node's static data, saved by n8n after each poll):
 * - `window`: records already seen, by time (created_at; File Added: last_modified);
 * - `open`: orders not yet completed/cancelled, or runs not yet finished, with their last status;
 * - `feedTop`: how far the audit feed has been read (only where the server offers the feed).
 * `open` keeps full ids (an order that leaves the lists is read by id) and at most MAX_OPEN of
 * them; orders and runs leave it when they reach a final status, so it stays small.
 */
export interface TriggerState {
	window: SeenWindow;
	open: Map<string, string>;
	feedTop: string | null;
}

export const STATE_VERSION = 2;
export const MAX_OPEN = 5_000;

/** The state kept for this node, if it belongs to the same event/project/path (`key`). */
export function loadState(data: IDataObject, key: string, event: TriggerEvent): TriggerState | undefined {
	if (data.cursorKey !== key) return undefined;
	if (data.version !== STATE_VERSION) return fromVersion1(data.cursor, event);
	const window = SeenWindow.fromStored(data.window);
	if (!window) return undefined;
	const open = new Map<string, string>();
	if (data.open && typeof data.open === 'object') {
		for (const [id, status] of Object.entries(data.open as IDataObject)) {
			if (typeof status === 'string') open.set(id, status);
		}
	}
	const feedTop = typeof data.feedTop === 'string' && timeOf(data.feedTop) !== undefined ? data.feedTop : null;
	return { window, open, feedTop };
}

/**
 * Version 1 kept `{time, ids}` of the audit feed (File Added: of the listing). Created events go on
 * from its time (the audit time of a create is the record's created_at); File Added keeps its ids
 * (object names). Status, run and report events need state version 1 did not have: they start
 * afresh, as on a first activation.
 */
function fromVersion1(cursor: unknown, event: TriggerEvent): TriggerState | undefined {
	const { time, ids } = (cursor ?? {}) as { time?: unknown; ids?: unknown };
	const at = timeOf(time);
	if (at === undefined || !Array.isArray(ids)) return undefined;
	const open = new Map<string, string>();
	if (event === 'fileAdded') {
		const window = SeenWindow.empty();
		for (const id of ids) window.add(at, String(id));
		return { window, open, feedTop: null };
	}
	if (event === 'orderCreated' || event === 'sampleCreated')
		return { window: SeenWindow.upTo(at), open, feedTop: null };
	return undefined;
}

export function saveState(data: IDataObject, key: string, state: TriggerState): void {
	const open: IDataObject = {};
	// Map order is the order ids were first followed; beyond the cap the oldest are let go.
	const ids = [...state.open.keys()].slice(-MAX_OPEN);
	for (const id of ids) open[id] = state.open.get(id) as string;
	data.cursorKey = key;
	data.version = STATE_VERSION;
	data.window = state.window.toStored() as unknown as IDataObject;
	data.open = open;
	data.feedTop = state.feedTop;
	delete data.cursor;
}

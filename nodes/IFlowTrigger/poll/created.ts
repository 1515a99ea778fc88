import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { Timed } from '../helpers/cursor';
import { SeenWindow } from '../helpers/cursor';
import type { EventInfo } from '../helpers/events';
import { recordItem } from './items';
import type { ListSource } from './lists';
import { ORDERS, SAMPLES, byListAge, nearNewest, readNewest, readRecent, warnIfGap } from './lists';
import type { Settings } from './settings';
import { commit } from './settings';

/**
 * Order Created / Sample Created from the documented lists: records whose created_at and id
 * the window has not seen. A poll with nothing new reads one page of 100.
 */
export async function pollCreated(ctx: IPollFunctions, s: Settings): Promise<INodeExecutionData[]> {
	const source: ListSource = s.event === 'orderCreated' ? ORDERS : SAMPLES;
	const toItem = (record: Timed<IDataObject>) => recordItem(record.entry, createdEvent(s, record.entry));

	if (s.manual) {
		const newest = (await readNewest(ctx, s.projectId, source)).sort(byListAge).pop();
		return newest ? [toItem(newest)] : [];
	}

	let window = s.stored?.window;
	if (!window && !s.emitExisting) {
		// First activation: remember what exists, emit nothing.
		const { records } = await readRecent(ctx, s.projectId, source, nearNewest);
		window = SeenWindow.empty();
		for (const r of records) window.add(r.time, r.id);
		commit(s, { window, open: new Map(), feedTop: null });
		return [];
	}
	window ??= SeenWindow.empty();
	const known = window;
	const recent = await readRecent(ctx, s.projectId, source, () => known.lowerBound());
	warnIfGap(ctx, source, recent, known);
	const { records } = recent;
	const fresh = records.filter((r) => known.isNew(r.time, r.id)).sort(byListAge);
	for (const r of fresh) known.add(r.time, r.id);
	commit(s, { window: known, open: new Map(), feedTop: null });
	return fresh.map(toItem);
}

function createdEvent(s: Settings, record: IDataObject): EventInfo {
	return {
		type: s.event,
		time: String(record.created_at),
		from: null,
		to: null,
		actor: typeof record.created_by === 'string' ? record.created_by : null,
	};
}

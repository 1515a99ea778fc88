import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { flowRequest } from '../../shared/transport';
import type { Timed } from '../helpers/cursor';
import { SeenWindow, timeOf } from '../helpers/cursor';
import type { EventInfo, RunOutcome } from '../helpers/events';
import { runOutcome } from '../helpers/events';
import { runItem } from './items';
import { RUNS, readNewest, readRecent, warnIfGap } from './lists';
import type { Settings } from './settings';
import { asNodeError, commit, inBatches, isRecordNotFound, param, warn } from './settings';
import { MAX_OPEN } from './state';

/**
 * Run Finished from the documented `GET /runs` (and `GET /runs/{id}`): the runs not yet finished
 * are kept with their status; a run is reported when one of them is found succeeded, failed or
 * cancelled, or when a run created since the last poll is first seen already finished.
 */

interface Finished {
	run: IDataObject;
	from: string | null;
	outcome: Exclude<RunOutcome, 'any'>;
}

export async function pollRuns(ctx: IPollFunctions, s: Settings): Promise<INodeExecutionData[]> {
	const filter = {
		outcome: param(ctx, 'outcome', 'any') as RunOutcome,
		pipeline: String(param(ctx, 'pipeline', '') ?? '').trim(),
	};
	const wanted = await runFilter(ctx, filter);

	if (s.manual) {
		const finished = (await readNewest(ctx, s.projectId, RUNS))
			.filter((r) => runOutcome(r.entry.status) !== null)
			.map((r) => ({ run: r.entry, from: null, outcome: runOutcome(r.entry.status) as Finished['outcome'] }))
			.sort((a, b) => endTime(a.run) - endTime(b.run));
		for (const f of finished.reverse()) if (await wanted(f)) return [toItem(s, f)];
		return [];
	}

	if (!s.stored) {
		// First activation: every run the list gives is known; the unfinished ones are followed.
		const { records } = await readRecent(ctx, s.projectId, RUNS, () => -Infinity);
		const window = SeenWindow.empty();
		const open = new Map<string, string>();
		for (const r of [...records].sort((a, b) => a.time - b.time)) {
			window.add(r.time, r.id);
			if (runOutcome(r.entry.status) === null) open.set(r.id, String(r.entry.status ?? ''));
		}
		const existing = s.emitExisting ? finishedAmong(records, new Map()) : [];
		commit(s, { window, open, feedTop: null });
		return await emit(s, existing, wanted);
	}

	const { window, open } = s.stored;
	const recent = await readRecent(ctx, s.projectId, RUNS, () => window.lowerBound());
	warnIfGap(ctx, RUNS, recent, window);
	const { records } = recent;
	const listed = new Map(records.map((r) => [r.id, r]));
	// Unfinished runs no longer in the newest part of the list are read one by one.
	const unread = [...open.keys()].filter((id) => !listed.has(id));
	const read = await inBatches(unread, async (id) => await readRun(ctx, id));
	const gone = new Set<string>();
	unread.forEach((id, i) => {
		const run = read[i];
		if (run) listed.set(id, { id, time: timeOf(run.created_at) ?? 0, entry: run });
		else gone.add(id);
	});
	const fresh = records.filter((r) => !open.has(r.id) && window.isNew(r.time, r.id));
	const candidates = [...[...open.keys()].flatMap((id) => listed.get(id) ?? []), ...fresh];
	const finished = finishedAmong(candidates, open);
	for (const r of candidates) {
		if (runOutcome(r.entry.status) !== null) open.delete(r.id);
		else open.set(r.id, String(r.entry.status ?? ''));
	}
	for (const id of gone) open.delete(id);
	for (const r of fresh) window.add(r.time, r.id);
	const items = await emit(s, finished, wanted);
	if (open.size > MAX_OPEN)
		warn(ctx, `more than ${MAX_OPEN} runs are unfinished at once: only the ${MAX_OPEN} seen last are followed`);
	commit(s, { window, open, feedTop: null });
	return items;
}

/** The runs among `runs` that have ended; `from` is the status they were last seen in. */
function finishedAmong(runs: Array<Timed<IDataObject>>, open: Map<string, string>): Finished[] {
	const out: Finished[] = [];
	for (const r of runs) {
		const outcome = runOutcome(r.entry.status);
		if (outcome) out.push({ run: r.entry, from: open.get(r.id) ?? null, outcome });
	}
	return out;
}

/** When a run ended: finished_at (docs/flow-api.md §5.5), else its last known time. */
function endTime(run: IDataObject): number {
	return timeOf(run.finished_at) ?? timeOf(run.updated_at) ?? timeOf(run.created_at) ?? 0;
}

async function emit(
	s: Settings,
	finished: Finished[],
	wanted: (f: Finished) => Promise<boolean>,
): Promise<INodeExecutionData[]> {
	const sorted = [...finished].sort(
		(a, b) =>
			endTime(a.run) - endTime(b.run) ||
			(timeOf(a.run.created_at) ?? 0) - (timeOf(b.run.created_at) ?? 0) ||
			String(a.run.id).localeCompare(String(b.run.id)),
	);
	const keep = await Promise.all(sorted.map(wanted));
	return sorted.filter((_, i) => keep[i]).map((f) => toItem(s, f));
}

function toItem(s: Settings, f: Finished): INodeExecutionData {
	const time = f.run.finished_at ?? f.run.updated_at ?? f.run.created_at;
	const event: EventInfo = { type: 'runFinished', time: String(time ?? ''), from: f.from, to: f.outcome };
	return runItem(f.run, event, s.projectId);
}

async function readRun(ctx: IPollFunctions, id: string): Promise<IDataObject | null> {
	try {
		return await flowRequest.call<IPollFunctions, Parameters<typeof flowRequest>, Promise<IDataObject>>(ctx, {
			service: 'compute',
			method: 'GET',
			path: `/runs/${encodeURIComponent(id)}`,
		});
	} catch (error) {
		if (isRecordNotFound(error)) return null;
		throw asNodeError(ctx, error);
	}
}

/** Outcome and Pipeline filters; a run's pipeline slug is read once per pipeline id and poll. */
async function runFilter(
	ctx: IPollFunctions,
	filter: { outcome: RunOutcome; pipeline: string },
): Promise<(f: Finished) => Promise<boolean>> {
	const slugs = new Map<string, Promise<string>>();
	const slugOf = async (run: IDataObject): Promise<string> => {
		const direct = run.pipeline_slug ?? (run.pipeline as IDataObject | undefined)?.slug;
		if (typeof direct === 'string') return direct;
		const id = String(run.pipeline_id ?? '');
		if (!id) return '';
		if (!slugs.has(id)) {
			slugs.set(
				id,
				flowRequest
					.call<IPollFunctions, Parameters<typeof flowRequest>, Promise<IDataObject>>(ctx, {
						service: 'compute',
						method: 'GET',
						path: `/pipelines/${encodeURIComponent(id)}`,
					})
					.then((p) => String(p?.slug ?? '')),
			);
		}
		return await (slugs.get(id) as Promise<string>);
	};
	return async (f) => {
		if (filter.outcome !== 'any' && filter.outcome !== f.outcome) return false;
		return !filter.pipeline || (await slugOf(f.run)) === filter.pipeline;
	};
}

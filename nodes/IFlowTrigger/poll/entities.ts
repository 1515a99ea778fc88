import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { flowRequest } from '../../shared/transport';
import type { FlowService } from '../../shared/transport';
import type { AuditEvent, EventInfo } from '../helpers/events';
import { asNodeError, isNotFound } from './context';

/** Where the record behind an audit entry is read. */
const ENTITY_ENDPOINTS: Record<string, { service: FlowService; path: string }> = {
	order: { service: 'miner', path: '/orders' },
	sample: { service: 'miner', path: '/samples' },
	run: { service: 'compute', path: '/runs' },
	report: { service: 'report', path: '/reports' },
};

/** Parallel reads per batch: fast enough for a backlog, gentle on Flow. */
const CONCURRENCY = 5;

export interface Match {
	event: AuditEvent;
	info: EventInfo;
}

export interface ItemOptions {
	projectId: string;
	/** Run Finished: only runs of this pipeline slug. */
	pipeline?: string;
}

async function readEntity(
	ctx: IPollFunctions,
	entityType: string,
	id: string,
	projectId: string,
): Promise<IDataObject | undefined> {
	const endpoint = ENTITY_ENDPOINTS[entityType];
	try {
		return await flowRequest.call<IPollFunctions, Parameters<typeof flowRequest>, Promise<IDataObject>>(ctx, {
			service: endpoint.service,
			method: 'GET',
			path: `${endpoint.path}/${encodeURIComponent(id)}`,
			project: 'required',
			projectId,
		});
	} catch (error) {
		if (isNotFound(error)) return undefined; // deleted since: still an event, reported with its id
		throw asNodeError(ctx, error);
	}
}

/** Pipeline slug of a run; looked up once per pipeline id when the run record lacks it. */
async function pipelineSlug(
	ctx: IPollFunctions,
	run: IDataObject,
	cache: Map<string, Promise<string>>,
): Promise<string> {
	const direct = run.pipeline_slug ?? (run.pipeline as IDataObject | undefined)?.slug;
	if (typeof direct === 'string') return direct;
	const id = String(run.pipeline_id ?? '');
	if (!id) return '';
	if (!cache.has(id)) {
		cache.set(
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
	return await (cache.get(id) as Promise<string>);
}

/** Output items (entity + `event`) for matched audit entries, in feed order. */
export async function itemsForMatches(
	ctx: IPollFunctions,
	entityType: string,
	matches: Match[],
	options: ItemOptions,
	slugCache = new Map<string, Promise<string>>(),
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	for (let start = 0; start < matches.length; start += CONCURRENCY) {
		const batch = matches.slice(start, start + CONCURRENCY);
		const built = await Promise.all(
			batch.map(async ({ event, info }) => {
				const entity = await readEntity(ctx, entityType, String(event.entity_id), options.projectId);
				if (options.pipeline) {
					if (!entity || (await pipelineSlug(ctx, entity, slugCache)) !== options.pipeline) return undefined;
				}
				const json: IDataObject = entity
					? { ...entity, event: info }
					: { id: event.entity_id, event: { ...info, entityMissing: true } };
				return { json };
			}),
		);
		for (const item of built) if (item) items.push(item);
	}
	return items;
}

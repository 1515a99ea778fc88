import type { IDataObject } from 'n8n-workflow';

import { itemProject } from '../../shared/project';
import { flowRequest, listItems } from '../../shared/transport';
import type { FlowContext } from '../../shared/transport';

// The compute reads several operations make (X-Project-ID optional, docs/flow-api.md §7).

/** `GET /runs/{id}`: the run's detail view. */
export async function getRun(ctx: FlowContext, runId: string, itemIndex: number): Promise<IDataObject> {
	return (await computeGet(ctx, `/runs/${encodeURIComponent(runId)}`, itemIndex)) as IDataObject;
}

/** `GET /runs/{id}/outputs`: `{ outputs, message }` as the server sends it. */
export async function getRunOutputs(ctx: FlowContext, runId: string, itemIndex: number): Promise<IDataObject> {
	return (await computeGet(ctx, `/runs/${encodeURIComponent(runId)}/outputs`, itemIndex)) as IDataObject;
}

/** `GET /pipelines/slug/{slug}/versions`: every version, inactive too, newest first ([] for an unknown slug). */
export async function listPipelineVersions(ctx: FlowContext, slug: string, itemIndex?: number): Promise<IDataObject[]> {
	return listItems(await computeGet(ctx, `/pipelines/slug/${encodeURIComponent(slug)}/versions`, itemIndex));
}

async function computeGet(ctx: FlowContext, path: string, itemIndex: number | undefined): Promise<unknown> {
	return await flowRequest.call(ctx, {
		service: 'compute',
		method: 'GET',
		path,
		project: 'optional',
		projectId: itemProject(ctx, itemIndex),
		itemIndex,
	});
}

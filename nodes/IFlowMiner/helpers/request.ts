import type { IDataObject } from 'n8n-workflow';

import { itemProject } from '../../shared/project';
import { flowRequest } from '../../shared/transport';
import type { FlowContext, FlowRequestBase } from '../../shared/transport';

/** A miner call (X-Project-ID required) whose answer is a JSON object (`{}` for 204). */
export async function minerRequest(ctx: FlowContext, request: Omit<FlowRequestBase, 'service'>): Promise<IDataObject> {
	const body = await flowRequest.call(ctx, {
		service: 'miner',
		project: 'required',
		projectId: itemProject(ctx, request.itemIndex),
		...request,
	});
	return (body ?? {}) as IDataObject;
}

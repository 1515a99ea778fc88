import type { IDataObject } from 'n8n-workflow';

import { flowRequest } from '../../shared/transport';
import type { FlowContext, FlowRequest } from '../../shared/transport';

/** A miner call (X-Project-ID required) whose answer is a JSON object (`{}` for 204). */
export async function minerRequest(
	ctx: FlowContext,
	request: Omit<FlowRequest, 'service' | 'project'>,
): Promise<IDataObject> {
	const body = await flowRequest.call(ctx, { service: 'miner', project: 'required', ...request });
	return (body ?? {}) as IDataObject;
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { itemProject } from '../../../shared/project';
import { requireId } from '../../../shared/helpers';
import { flowRequest } from '../../../shared/transport';
import { runIdField } from '../fields';

const properties: INodeProperties[] = [projectField(), runIdField()];

const displayOptions = { show: { resource: ['run'], operation: ['cancel'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** `DELETE /runs/{id}`: the run moves to cancelled (it is not deleted). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const runId = requireId(this, 'runId', 'Run ID', itemIndex);
	const body = await flowRequest.call(this, {
		service: 'compute',
		method: 'DELETE',
		path: `/runs/${runId}`,
		project: 'optional',
		projectId: itemProject(this, itemIndex),
		itemIndex,
	});
	if (body && typeof body === 'object' && !Array.isArray(body)) return { ...(body as IDataObject), cancelled: true };
	return { id: runId, status: 'cancelled', cancelled: true };
}

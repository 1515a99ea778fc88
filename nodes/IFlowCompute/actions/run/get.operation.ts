import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { flowRequest } from '../../../shared/transport';
import { runIdField } from '../fields';

const properties: INodeProperties[] = [projectField(), runIdField()];

const displayOptions = { show: { resource: ['run'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const runId = requireId(this, 'runId', 'Run ID', itemIndex);
	return (await flowRequest.call(this, {
		service: 'compute',
		method: 'GET',
		path: `/runs/${runId}`,
		project: 'optional',
		itemIndex,
	})) as IDataObject;
}

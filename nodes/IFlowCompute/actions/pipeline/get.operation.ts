import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemProject } from '../../../shared/project';
import { requireId } from '../../../shared/helpers';
import { flowRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Pipeline ID',
		name: 'pipelineId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '5c2e8f10-7d3b-4e61-9a2f-1b0c9d8e7f60',
		description: 'The ID (a UUID) of one pipeline version, as output by Pipeline › Get by Slug or Get Versions',
	},
];

const displayOptions = { show: { resource: ['pipeline'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'pipelineId', 'Pipeline ID', itemIndex);
	return (await flowRequest.call(this, {
		service: 'compute',
		method: 'GET',
		path: `/pipelines/${id}`,
		project: 'optional',
		projectId: itemProject(this, itemIndex),
		itemIndex,
	})) as IDataObject;
}

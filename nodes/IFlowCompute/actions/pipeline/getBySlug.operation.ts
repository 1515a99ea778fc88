import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemProject } from '../../../shared/project';
import { flowRequest } from '../../../shared/transport';
import { pipelineField, readPipelineSlug, versionField } from '../fields';

const properties: INodeProperties[] = [pipelineField(), versionField()];

const displayOptions = { show: { resource: ['pipeline'], operation: ['getBySlug'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** `GET /pipelines/slug/{slug}[?version=]`: the given version, else the latest active one. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const slug = readPipelineSlug(this, itemIndex);
	const version = String(this.getNodeParameter('version', itemIndex, '') ?? '').trim();
	return (await flowRequest.call(this, {
		service: 'compute',
		method: 'GET',
		path: `/pipelines/slug/${encodeURIComponent(slug)}`,
		qs: version ? { version } : {},
		project: 'optional',
		projectId: itemProject(this, itemIndex),
		itemIndex,
	})) as IDataObject;
}

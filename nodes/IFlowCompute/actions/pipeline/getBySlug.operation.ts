import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemProject } from '../../../shared/project';
import { flowRequest } from '../../../shared/transport';
import { pipelineField, readPipelineSlug, versionField } from '../fields';

const show = { resource: ['pipeline'], operation: ['getBySlug'] };

export const description: INodeProperties[] = [pipelineField({ show }), versionField({ show })];

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

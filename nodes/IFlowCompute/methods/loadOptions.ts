import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { flowRequest, listItems } from '../../shared/transport';

/** Versions of the pipeline chosen in the Pipeline field, newest first, after "Latest". */
export async function getPipelineVersions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const latest: INodePropertyOptions = { name: 'Latest', value: '', description: 'The newest active version' };
	const slug = String(this.getCurrentNodeParameter('pipeline', { extractValue: true }) ?? '').trim();
	if (!slug) return [latest];
	const body = await flowRequest.call(this, {
		service: 'compute',
		method: 'GET',
		path: `/pipelines/slug/${encodeURIComponent(slug)}/versions`,
		project: 'optional',
	});
	return [
		latest,
		...listItems(body).map((p: IDataObject) => ({
			name: `${String(p.version)}${p.is_active === false ? ' (inactive)' : ''}`,
			value: String(p.version),
			description: p.id ? `ID ${String(p.id)}` : undefined,
		})),
	];
}

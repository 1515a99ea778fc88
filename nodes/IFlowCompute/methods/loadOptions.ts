import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listPipelineVersions } from '../helpers/computeApi';

/** `is_active` as iFlow may send it (boolean, or a string/number from another serializer). */
const isInactive = (pipeline: IDataObject) => [false, 'false', 0, '0'].includes(pipeline.is_active as never);

/**
 * Versions of the pipeline chosen in the Pipeline field: "Latest", then the active versions, then
 * the inactive ones marked "(inactive)" — each group in the server's order (newest first).
 */
export async function getPipelineVersions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const latest: INodePropertyOptions = { name: 'Latest', value: '', description: 'The newest active version' };
	const slug = String(this.getCurrentNodeParameter('pipeline', { extractValue: true }) ?? '').trim();
	if (!slug) return [latest];
	const versions = await listPipelineVersions(this, slug);
	const toOption = (p: IDataObject, inactive: boolean): INodePropertyOptions => ({
		name: `${String(p.version)}${inactive ? ' (inactive)' : ''}`,
		value: String(p.version),
		description: inactive
			? `Inactive: iFlow decides whether it may still run (it may refuse the run)${p.id ? ` · ID ${String(p.id)}` : ''}`
			: p.id
				? `ID ${String(p.id)}`
				: undefined,
	});
	return [
		latest,
		...versions.filter((p) => !isInactive(p)).map((p) => toOption(p, false)),
		...versions.filter(isInactive).map((p) => toOption(p, true)),
	];
}

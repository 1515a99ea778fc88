import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging } from '../../../shared/helpers';
import { itemProject } from '../../../shared/project';
import { filtersCollection, returnAllOrLimit } from '../../../shared/descriptions';
import {
	flowRequestAll,
	flowServiceApi,
	parameterNotOfferedError,
	queryParameterListed,
} from '../../../shared/transport';
import { listPipelineVersions } from '../../helpers/computeApi';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection([
		{
			displayName: 'Include Inactive',
			name: 'includeInactive',
			type: 'boolean',
			default: false,
			description: 'Whether to include inactive pipeline versions',
		},
		{
			displayName: 'Slug',
			name: 'slug',
			type: 'string',
			default: '',
			placeholder: 'hereditary-mock',
			description: 'Only versions of this pipeline',
		},
	]),
];

const displayOptions = { show: { resource: ['pipeline'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const INACTIVE_INSTEAD =
	'set the Slug filter: every version of that pipeline, inactive ones too, is then read from GET /pipelines/slug/{slug}/versions (in the published reference). Pipeline › Get Versions does the same.';

/**
 * `GET /pipelines`: every active version of every pipeline the token may see (docs/flow-api.md §7.2).
 * Its `slug` and `include_inactive` filters are INFERRED: `slug` is sent when the server lists
 * it and matched here otherwise; inactive versions come from the documented versions route of
 * one slug when `include_inactive` is not listed (no documented route lists them all).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { returnAll, limit } = readPaging(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const slug = filters.slug ? String(filters.slug).trim() : '';
	const includeInactive = filters.includeInactive === true;

	const api = await flowServiceApi(this, 'compute');
	if (includeInactive && !queryParameterListed(api, 'GET', '/pipelines', 'include_inactive')) {
		if (!slug) {
			const call = { service: 'compute', method: 'GET', path: '/pipelines', itemIndex };
			throw parameterNotOfferedError(this.getNode(), call, 'include_inactive', INACTIVE_INSTEAD);
		}
		const versions = await listPipelineVersions(this, slug, itemIndex);
		return limit === undefined ? versions : versions.slice(0, limit);
	}
	return await flowRequestAll.call(this, {
		service: 'compute',
		path: '/pipelines',
		qs: includeInactive ? { include_inactive: true } : {},
		filters: { slug },
		project: 'optional',
		projectId: itemProject(this, itemIndex),
		returnAll,
		limit,
		itemIndex,
	});
}

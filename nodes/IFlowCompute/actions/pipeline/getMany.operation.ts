import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { flowRequestAll } from '../../../shared/transport';

const show = { resource: ['pipeline'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllOrLimit({ show }),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
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
		],
	},
];

/** `GET /pipelines`: every active version of every pipeline the token may see. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.slug) qs.slug = String(filters.slug).trim();
	if (filters.includeInactive) qs.include_inactive = true;
	return await flowRequestAll.call(this, {
		service: 'compute',
		path: '/pipelines',
		qs,
		project: 'optional',
		returnAll,
		limit,
		itemIndex,
	});
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging } from '../../../shared/helpers';
import { filtersCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { flowRequestAll } from '../../../shared/transport';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection([
		{
			displayName: 'Organization ID',
			name: 'orgId',
			type: 'string',
			default: '',
			description: 'Only projects of this organization',
		},
	]),
];

const displayOptions = { show: { resource: ['project'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { returnAll, limit } = readPaging(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { orgId?: string };
	const qs: IDataObject = {};
	if (filters.orgId) qs.org_id = filters.orgId;
	return await flowRequestAll.call(this, { service: 'admin', path: '/projects', qs, returnAll, limit, itemIndex });
}

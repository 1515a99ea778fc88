import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, projectField, returnAllOrLimit } from '../../../shared/descriptions';
import { readPaging } from '../../../shared/helpers';
import { itemProject } from '../../../shared/project';
import { flowRequestAll } from '../../../shared/transport';
import { READ_INSTEAD, REPORT_ROUTES } from './reportApi';

const properties: INodeProperties[] = [
	projectField(),
	...returnAllOrLimit(),
	filtersCollection([
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			default: '',
			description: 'Only the report of this order',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'approved',
			options: [
				{ name: 'Approved', value: 'approved' },
				{ name: 'Draft', value: 'draft' },
				{ name: 'Pending Review', value: 'pending_review' },
				{ name: 'Signed', value: 'signed' },
			],
		},
	]),
];

const displayOptions = { show: { resource: ['report'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { returnAll, limit } = readPaging(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { orderId?: string; status?: string };
	return await flowRequestAll.call(this, {
		service: 'report',
		path: REPORT_ROUTES.list.path,
		// Sent when the server lists them, else matched here: never an unfiltered list.
		filters: { order_id: filters.orderId?.trim(), status: filters.status },
		project: 'required',
		projectId: itemProject(this, itemIndex),
		beyondReference: { instead: READ_INSTEAD },
		returnAll,
		limit,
		itemIndex,
	});
}

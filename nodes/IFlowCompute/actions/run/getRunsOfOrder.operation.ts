import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField, recordLocator, returnAllOrLimit } from '../../../shared/descriptions';
import { itemProject } from '../../../shared/project';
import { requireId } from '../../../shared/helpers';
import { flowRequest, listItems } from '../../../shared/transport';

const properties: INodeProperties[] = [
	projectField(),
	recordLocator('order', 'Order', 'searchOrders'),
	...returnAllOrLimit(),
];

const displayOptions = { show: { resource: ['run'], operation: ['getRunsOfOrder'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** `GET /runs/by-order/{order_id}`: one unpaged list, newest first; Limit applies here. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const orderId = requireId(this, 'order', 'Order', itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const runs = await runsOfOrder.call(this, orderId, itemIndex);
	return returnAll ? runs : runs.slice(0, this.getNodeParameter('limit', itemIndex) as number);
}

export async function runsOfOrder(this: IExecuteFunctions, orderId: string, itemIndex: number): Promise<IDataObject[]> {
	const body = await flowRequest.call(this, {
		service: 'compute',
		method: 'GET',
		path: `/runs/by-order/${orderId}`,
		project: 'optional',
		projectId: itemProject(this, itemIndex),
		itemIndex,
	});
	return listItems(body);
}

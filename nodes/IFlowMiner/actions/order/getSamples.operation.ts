import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listItems } from '../../../shared/transport';
import { ORDER, recordId } from '../records';
import { kindLocator, operationFields } from '../recordOperations';
import { minerRequest } from '../../helpers/request';

export const description: INodeProperties[] = operationFields(ORDER, 'getSamples', [kindLocator(ORDER)]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = recordId(this, ORDER, itemIndex);
	const body = await minerRequest(this, {
		method: 'GET',
		path: `/orders/${id}/samples`,
		itemIndex,
	});
	return listItems(body).map((sample) => ({ ...sample, order_id: id }));
}

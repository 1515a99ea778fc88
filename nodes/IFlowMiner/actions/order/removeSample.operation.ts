import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId } from '../../../shared/helpers';
import { kindLocator, operationFields } from '../recordOperations';
import { ORDER, recordId, SAMPLE } from '../records';
import { minerRequest } from '../../helpers/request';

export const description: INodeProperties[] = operationFields(ORDER, 'removeSample', [
	kindLocator(ORDER),
	kindLocator(SAMPLE, 'The sample to take off the order. Only the link is removed: the sample itself stays.'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = recordId(this, ORDER, itemIndex);
	const sampleId = requireId(this, 'sampleId', 'Sample', itemIndex);
	await minerRequest(this, {
		method: 'DELETE',
		path: `/orders/${orderId}/samples/${sampleId}`,
		itemIndex,
	});
	return { removed: true, order_id: orderId, sample_id: sampleId };
}

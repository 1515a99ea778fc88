import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { ORDER, recordId } from '../records';
import { orderLocator } from './fields';
import { minerRequest } from '../../helpers/request';

const show = { resource: ['order'], operation: ['removeSample'] };

export const description: INodeProperties[] = [
	orderLocator(show),
	{
		...recordLocator(
			'sampleId',
			'Sample',
			'searchSamples',
			'The sample to take off the order. Only the link is removed: the sample itself stays.',
		),
		displayOptions: { show },
	},
];

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

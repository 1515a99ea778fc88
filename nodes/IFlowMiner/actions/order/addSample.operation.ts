import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { ORDER, recordId } from '../records';
import { orderLocator } from './fields';
import { linkSample, readRole, roleField } from './sampleLinks';

const show = { resource: ['order'], operation: ['addSample'] };

export const description: INodeProperties[] = [
	orderLocator(show),
	{
		...recordLocator('sampleId', 'Sample', 'searchSamples', 'The sample to put on the order'),
		displayOptions: { show },
	},
	{ ...roleField(), displayOptions: { show } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = recordId(this, ORDER, itemIndex);
	const sampleId = requireId(this, 'sampleId', 'Sample', itemIndex);
	const role = readRole(this, this.getNodeParameter('role', itemIndex, 'proband'), 'Role', itemIndex);
	return await linkSample(this, orderId, sampleId, role, itemIndex);
}

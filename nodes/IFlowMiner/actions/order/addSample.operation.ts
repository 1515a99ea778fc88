import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId } from '../../../shared/helpers';
import { ORDER, recordId, SAMPLE } from '../records';
import { kindLocator, operationFields } from '../recordOperations';
import { linkSample, readRole, roleField } from './sampleLinks';

export const description: INodeProperties[] = operationFields(ORDER, 'addSample', [
	kindLocator(ORDER),
	kindLocator(SAMPLE, 'The sample to put on the order'),
	roleField(),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = recordId(this, ORDER, itemIndex);
	const sampleId = requireId(this, 'sampleId', 'Sample', itemIndex);
	const role = readRole(this, this.getNodeParameter('role', itemIndex, 'proband'), 'Role', itemIndex);
	return await linkSample(this, orderId, sampleId, role, itemIndex);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { kindLocator, operationFields } from '../recordOperations';
import { recordId, SAMPLE } from '../records';
import { minerRequest } from '../../helpers/request';

export const description: INodeProperties[] = operationFields(SAMPLE, 'getSampleinfo', [kindLocator(SAMPLE)]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = recordId(this, SAMPLE, itemIndex);
	return await minerRequest(this, {
		method: 'GET',
		path: `/samples/${id}/sampleinfo`,
		itemIndex,
	});
}

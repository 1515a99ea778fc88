import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { recordId, SAMPLE } from '../records';
import { minerRequest } from '../../helpers/request';

const show = { resource: ['sample'], operation: ['getSampleinfo'] };

export const description: INodeProperties[] = [
	{ ...recordLocator('sampleId', 'Sample', 'searchSamples'), displayOptions: { show } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = recordId(this, SAMPLE, itemIndex);
	return await minerRequest(this, {
		method: 'GET',
		path: `/samples/${id}/sampleinfo`,
		itemIndex,
	});
}

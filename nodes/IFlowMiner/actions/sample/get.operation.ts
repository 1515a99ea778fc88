import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { getRecord, SAMPLE } from '../records';

const show = { resource: ['sample'], operation: ['get'] };

export const description: INodeProperties[] = [
	{ ...recordLocator('sampleId', 'Sample', 'searchSamples'), displayOptions: { show } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getRecord(this, SAMPLE, itemIndex);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { deleteRecord, SAMPLE } from '../records';

const show = { resource: ['sample'], operation: ['delete'] };

export const description: INodeProperties[] = [
	{
		...recordLocator(
			'sampleId',
			'Sample',
			'searchSamples',
			'The sample to delete permanently. iFlow refuses while it is on an order that is not cancelled.',
		),
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteRecord(this, SAMPLE, itemIndex);
}

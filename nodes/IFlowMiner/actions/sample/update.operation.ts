import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { SAMPLE, updateRecord } from '../records';
import { sampleFieldOptions, UPDATE_SPECS } from './fields';

const show = { resource: ['sample'], operation: ['update'] };

export const description: INodeProperties[] = [
	{ ...recordLocator('sampleId', 'Sample', 'searchSamples'), displayOptions: { show } },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: sampleFieldOptions(true),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await updateRecord(this, SAMPLE, itemIndex, UPDATE_SPECS);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ORDER, updateRecord } from '../records';
import { orderFieldOptions, orderLocator, UPDATE_SPECS } from './fields';

const show = { resource: ['order'], operation: ['update'] };

export const description: INodeProperties[] = [
	orderLocator(show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: orderFieldOptions(true),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await updateRecord(this, ORDER, itemIndex, UPDATE_SPECS);
}

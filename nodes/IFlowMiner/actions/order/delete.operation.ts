import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deleteRecord, ORDER } from '../records';
import { orderLocator } from './fields';

const show = { resource: ['order'], operation: ['delete'] };

export const description: INodeProperties[] = [
	orderLocator(
		show,
		'The order to delete permanently, with its sample links (the samples stay). Only orders in status Created or Cancelled; needs the project Admin role.',
	),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteRecord(this, ORDER, itemIndex);
}

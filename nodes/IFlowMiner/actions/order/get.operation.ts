import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRecord, ORDER } from '../records';
import { orderLocator } from './fields';

const show = { resource: ['order'], operation: ['get'] };

export const description: INodeProperties[] = [orderLocator(show)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getRecord(this, ORDER, itemIndex);
}

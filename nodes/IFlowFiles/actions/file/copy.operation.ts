import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { transfer, transferDescription } from './transfer';

export const description: INodeProperties[] = transferDescription('copy');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await transfer(this, 'copy', itemIndex);
}

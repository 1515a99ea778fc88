import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orderField } from '../orderField';
import { orderCacheRequest, VCF_ROUTES } from '../vcfApi';

export const description: INodeProperties[] = [orderField({ show: { resource: ['cache'], operation: ['getStatus'] } })];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await orderCacheRequest(this, VCF_ROUTES.cacheStatus, itemIndex);
}

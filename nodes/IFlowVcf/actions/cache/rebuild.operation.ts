import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { orderField } from '../orderField';
import { orderCacheRequest, VCF_ROUTES } from '../vcfApi';

const properties: INodeProperties[] = [projectField(), orderField()];

const displayOptions = { show: { resource: ['cache'], operation: ['rebuild'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await orderCacheRequest(this, VCF_ROUTES.cacheRebuild, itemIndex);
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { flowRequest, requireRouteOffered } from '../../../shared/transport';
import { orderField } from '../orderField';
import { CACHE_INSTEAD, VCF_ROUTES } from '../vcfApi';

const properties: INodeProperties[] = [projectField(), orderField()];

const displayOptions = { show: { resource: ['cache'], operation: ['getStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = requireId(this, 'order', 'Order', itemIndex);
	await requireRouteOffered(this, { ...VCF_ROUTES.cacheStatus, itemIndex }, CACHE_INSTEAD);
	return (await flowRequest.call(this, {
		service: 'vcf',
		method: 'GET',
		path: `/orders/${orderId}/cache`,
		project: 'required',
		itemIndex,
		beyondReference: { instead: CACHE_INSTEAD },
	})) as IDataObject;
}

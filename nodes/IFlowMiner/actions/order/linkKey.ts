import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemProject } from '../../../shared/project';
import { flowRequest, listItems } from '../../../shared/transport';
import type { NaturalKey } from '../../../shared/transport/reconcile';

/**
 * The natural key of a sample on an order: the pair itself (iFlow links a sample to an order
 * once, 409 otherwise), looked up in the order's sample list (docs/flow-api.md §9.3, CONFIRMED). The
 * role it was linked with is checked by the caller, as for a link made at once.
 */
export function sampleLinkKey(
	ctx: IExecuteFunctions,
	orderId: string,
	sampleId: string,
	itemIndex: number,
): NaturalKey {
	return {
		label: `sample ${sampleId} on order ${orderId}`,
		unique: true,
		find: async () => {
			const body = await flowRequest.call(ctx, {
				service: 'miner',
				method: 'GET',
				path: `/orders/${orderId}/samples`,
				project: 'required',
				projectId: itemProject(ctx, itemIndex),
				itemIndex,
			});
			return listItems(body).find((item: IDataObject) => (item.sample_id ?? item.id) === sampleId);
		},
	};
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { flowRequest, listItems } from '../../../shared/transport';
import type { NaturalKey } from '../../../shared/transport/reconcile';

const sameRole = (role: unknown) => (role === 'tumor' ? 'tumour' : role);

/**
 * The natural key of a sample on an order: the pair itself (iFlow links a sample to an order
 * once, 409 otherwise), looked up in the order's sample list (reference §9.3, CONFIRMED).
 */
export function sampleLinkKey(
	ctx: IExecuteFunctions,
	orderId: string,
	sampleId: string,
	role: string,
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
				itemIndex,
			});
			return listItems(body).find((item: IDataObject) => (item.sample_id ?? item.id) === sampleId);
		},
		differences: (link) => (link.role === undefined || sameRole(link.role) === sameRole(role) ? [] : ['role']),
	};
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireId } from '../../shared/helpers';
import { itemProject } from '../../shared/project';
import { flowRequest, requireRouteOffered } from '../../shared/transport';

// The VCF service has no REST endpoints in the published reference (docs/flow-api.md §10.2): it feeds the web
// app's variant browser. Every operation of this node is `beyondReference`: made only when the
// server's /openapi.json lists the route, otherwise refused with what to use instead.

export const VARIANTS_INSTEAD =
	"download the VCF itself and read it in n8n: a sample's uploaded VCF with iFlow Files (samples/<sample-slug>/uploads/), or a run's VCF output with iFlow Compute › Run › Get Output by Name. Or use API Request for a VCF route your server lists.";

export const CACHE_INSTEAD =
	'there is nothing to call: iFlow builds the variant cache itself when the variant browser of the web app is first opened for the order. To read variants without the VCF API, download the VCF with iFlow Files or iFlow Compute › Run › Get Output by Name.';

/** Route templates, for the "does not offer" error (it names the endpoint, not one order). */
export const VCF_ROUTES = {
	orderVariants: { service: 'vcf', method: 'GET', path: '/orders/{order_id}/variants' },
	sampleVariants: { service: 'vcf', method: 'GET', path: '/samples/{sample_id}/variants' },
	cacheStatus: { service: 'vcf', method: 'GET', path: '/orders/{order_id}/cache' },
	cacheRebuild: { service: 'vcf', method: 'POST', path: '/orders/{order_id}/cache' },
} as const;

/** Cache › Get Status and Rebuild: one call on the order's variant cache, once the server lists the route. */
export async function orderCacheRequest(
	ctx: IExecuteFunctions,
	route: typeof VCF_ROUTES.cacheStatus | typeof VCF_ROUTES.cacheRebuild,
	itemIndex: number,
): Promise<IDataObject> {
	const orderId = requireId(ctx, 'order', 'Order', itemIndex);
	await requireRouteOffered(ctx, { ...route, itemIndex }, CACHE_INSTEAD);
	return (await flowRequest.call(ctx, {
		service: 'vcf',
		method: route.method,
		path: route.path.replace('{order_id}', orderId),
		project: 'required',
		projectId: itemProject(ctx, itemIndex),
		itemIndex,
		beyondReference: { instead: CACHE_INSTEAD },
	})) as IDataObject;
}

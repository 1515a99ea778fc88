import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemProject } from '../../../shared/project';
import { slugify } from '../../../shared/helpers';
import { flowRequest } from '../../../shared/transport';

// Documented ground truth about a report, for servers without the report API: the order
// (Miner, docs/flow-api.md §9.3) and the immutable signed PDF at a fixed place in the project bucket
// (docs/flow-api.md §4.5, §10.1), seen through the Files listing (docs/flow-api.md §8.1).

export const SIGNED_REPORT_FILE = 'signed-report.pdf';

/** `orders/<order-slug>/signed-report.pdf` (slug rule of docs/flow-api.md §4.5). */
export const signedReportPath = (orderDisplayId: string) => `orders/${slugify(orderDisplayId)}/${SIGNED_REPORT_FILE}`;

/** The order's display ID (current `display_id`, or the older `name`). */
export const orderDisplayId = (order: IDataObject) => String(order.display_id ?? order.name ?? '');

/** `GET /orders/{id}` of the Miner (project required). */
export async function getOrder(ctx: IExecuteFunctions, orderId: string, itemIndex: number): Promise<IDataObject> {
	return (await flowRequest.call(ctx, {
		service: 'miner',
		method: 'GET',
		path: `/orders/${orderId}`,
		project: 'required',
		projectId: itemProject(ctx, itemIndex),
		itemIndex,
	})) as IDataObject;
}

/** Is the order's signed PDF in the bucket? One `GET /files` of the order's folder. */
export async function signedReportExists(ctx: IExecuteFunctions, path: string, itemIndex: number): Promise<boolean> {
	const folder = path.slice(0, path.lastIndexOf('/') + 1);
	const listing = (await flowRequest.call(ctx, {
		service: 'files',
		method: 'GET',
		path: '/files',
		qs: { path: folder },
		project: 'required',
		projectId: itemProject(ctx, itemIndex),
		projectInQuery: true,
		itemIndex,
	})) as IDataObject;
	const files = Array.isArray(listing?.files) ? (listing.files as IDataObject[]) : [];
	// `name` is the full key today; a server that sends the leaf only is matched by display_name.
	return files.some(
		(file) =>
			file.name === path ||
			(file.name === SIGNED_REPORT_FILE && !file.is_folder) ||
			file.display_name === SIGNED_REPORT_FILE,
	);
}

import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { toNodeError } from '../../../shared/router';
import { endpointNotOfferedError, flowRequest, isEndpointNotOffered, routeOffer } from '../../../shared/transport';
import { REPORT_ROUTES, reportRequest, STATUS_BY_ID_INSTEAD } from './reportApi';
import { reportField, reportLocatorMode, resolveReportId } from './reportField';
import { getOrder, orderDisplayId, signedReportExists, signedReportPath } from './signedReport';

const properties: INodeProperties[] = [projectField(), reportField()];

const displayOptions = { show: { resource: ['report'], operation: ['getStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Where the status came from, in the output: the report API, or documented order and bucket data. */
const SOURCE_REPORT_API = 'report_api';
const SOURCE_ORDER_AND_BUCKET = 'order_and_bucket';

/** Order statuses waiting for Approve-and-Sign (`reviewed` is the older name of sign_off). */
const AWAITING_SIGNATURE = ['sign_off', 'reviewed'];
/** Order statuses before iFlow creates the report (it does so on entering review or sign-off). */
const BEFORE_REPORT = ['created', 'analyzing'];

async function fromReportApi(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reportId = await resolveReportId(ctx, itemIndex, STATUS_BY_ID_INSTEAD);
	const status = (await flowRequest.call(
		ctx,
		reportRequest(ctx, REPORT_ROUTES.status, reportId, itemIndex, STATUS_BY_ID_INSTEAD),
	)) as IDataObject;
	return { ...status, source: SOURCE_REPORT_API };
}

/**
 * The same fields from documented data: the order's status (Miner) and whether its signed PDF is
 * in the bucket (Files). The report's own ID and its status before signing are not documented
 * anywhere a client can read: they are null.
 */
async function fromOrderAndBucket(ctx: IExecuteFunctions, orderId: string, itemIndex: number): Promise<IDataObject> {
	const order = await getOrder(ctx, orderId, itemIndex);
	const orderStatus = String(order.status ?? '');
	const displayId = orderDisplayId(order);
	if (BEFORE_REPORT.includes(orderStatus)) {
		throw new NodeOperationError(ctx.getNode(), `Order ${orderId} has no report yet`, {
			itemIndex,
			description: `The order ${displayId} is ${orderStatus}. iFlow creates the report when the order enters review (or sign-off, if review is skipped).`,
		});
	}
	const path = signedReportPath(displayId);
	const signed = await signedReportExists(ctx, path, itemIndex);
	return {
		report_id: null,
		status: signed ? 'signed' : null,
		order_id: String(order.id ?? orderId),
		order_status: order.status ?? null,
		signable: !signed && AWAITING_SIGNATURE.includes(orderStatus),
		signed_pdf_path: signed ? path : null,
		source: SOURCE_ORDER_AND_BUCKET,
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const byOrder = reportLocatorMode(this, itemIndex) === 'order';
	const statusOffer = await routeOffer(this, { service: 'report', ...REPORT_ROUTES.status });
	if (!byOrder) {
		requireId(this, 'report', 'Report', itemIndex);
		// A report ID leads nowhere without the report API: no documented route reads a report.
		if (statusOffer === 'absent')
			throw endpointNotOfferedError(
				this.getNode(),
				{ service: 'report', ...REPORT_ROUTES.status, itemIndex },
				STATUS_BY_ID_INSTEAD,
			);
		return await fromReportApi(this, itemIndex);
	}

	const orderId = requireId(this, 'report', 'Report', itemIndex);
	const listOffer = await routeOffer(this, { service: 'report', ...REPORT_ROUTES.list });
	if (statusOffer === 'absent' || listOffer === 'absent') return await fromOrderAndBucket(this, orderId, itemIndex);
	try {
		return await fromReportApi(this, itemIndex);
	} catch (error) {
		// No document to ask beforehand, and the server answered that the route does not exist.
		if (isEndpointNotOffered(error)) return await fromOrderAndBucket(this, orderId, itemIndex);
		throw toNodeError(this, error, itemIndex);
	}
}

import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { projectField, recordLocator } from '../../../shared/descriptions';
import { itemProject } from '../../../shared/project';
import { requireId, slugify } from '../../../shared/helpers';
import { toNodeError } from '../../../shared/router';
import { flowRequest, isNotFound } from '../../../shared/transport';
import { downloadSignedUrl } from '../../../shared/transport/binary';
import { getOrder, orderDisplayId, signedReportPath } from './signedReport';

const properties: INodeProperties[] = [
	projectField(),
	{
		...recordLocator('order', 'Order', 'searchOrders', 'The signed order whose report to download'),
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The name of the output binary field to put the PDF in',
	},
];

const displayOptions = { show: { resource: ['report'], operation: ['getSignedReport'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const orderId = requireId(this, 'order', 'Order', itemIndex);
	const binaryPropertyName = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (!binaryPropertyName) {
		throw new NodeOperationError(this.getNode(), "'Put Output File in Field' is empty", { itemIndex });
	}

	// Only documented calls: the order (Miner), a signed link (Files), the bytes (storage).
	const order = await getOrder(this, orderId, itemIndex);
	const displayId = orderDisplayId(order);
	const path = signedReportPath(displayId);
	const notSigned = () =>
		new NodeOperationError(this.getNode(), `Order ${displayId} has no signed report yet`, {
			itemIndex,
			description: `${path} is not in the project bucket. The PDF is written when the report is signed with Approve and Sign (order status ${String(order.status ?? 'unknown')}).`,
		});

	let link: IDataObject;
	try {
		link = (await flowRequest.call(this, {
			service: 'files',
			method: 'GET',
			path: '/files/download-url',
			qs: { path },
			project: 'required',
			projectId: itemProject(this, itemIndex),
			projectInQuery: true,
			itemIndex,
		})) as IDataObject;
	} catch (error) {
		if (isNotFound(error)) throw notSigned();
		throw toNodeError(this, error, itemIndex);
	}

	const fileName = `${slugify(displayId)}-signed-report.pdf`;
	let downloaded: Awaited<ReturnType<typeof downloadSignedUrl>>;
	try {
		downloaded = await downloadSignedUrl.call(this, { url: String(link.url), path, fileName, itemIndex });
	} catch (error) {
		// The reference does not say download-url checks that the object exists; storage does.
		if (isNotFound(error)) throw notSigned();
		throw toNodeError(this, error, itemIndex);
	}
	const { binary, size, contentType } = downloaded;
	return {
		json: {
			order_id: orderId,
			order_display_id: displayId,
			order_status: order.status ?? null,
			path,
			file_name: fileName,
			size,
			content_type: contentType,
		},
		binary: { [binaryPropertyName]: binary },
	};
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { flowRequest, requireRouteOffered } from '../../../shared/transport';
import { REPORT_ROUTES, reportRequest, SIGN_INSTEAD } from './reportApi';
import { reportField, resolveReportId } from './reportField';

const properties: INodeProperties[] = [
	projectField(),
	{
		displayName:
			'Approve and Sign signs the report, writes the signed PDF and moves its order to Completed. This cannot be undone. It needs the project admin role, and a report API that the published iFlow reference does not include: on a server without it the node fails and signing is done in the iFlow web app.',
		name: 'signNotice',
		type: 'notice',
		default: '',
	},
	reportField(),
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		default: '',
		description: "Stored in the order's status history",
	},
];

const displayOptions = { show: { resource: ['report'], operation: ['approveAndSign'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	requireId(this, 'report', 'Report', itemIndex); // bad input first, then what the server offers
	// Refused for the route this operation is about, not for the lookup that precedes it.
	await requireRouteOffered(this, { service: 'report', ...REPORT_ROUTES.sign, itemIndex }, SIGN_INSTEAD);
	const reportId = await resolveReportId(this, itemIndex, SIGN_INSTEAD);
	const comment = String(this.getNodeParameter('comment', itemIndex, '') ?? '').trim();
	return (await flowRequest.call(this, {
		...reportRequest(this, REPORT_ROUTES.sign, reportId, itemIndex, SIGN_INSTEAD),
		body: comment ? { comment } : {},
	})) as IDataObject;
}

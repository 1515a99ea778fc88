import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flowRequest } from '../../../shared/transport';
import { reportField, resolveReportId } from './reportField';

const show = { resource: ['report'], operation: ['approveAndSign'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'Approve and Sign signs the report, writes the signed PDF and moves its order to Completed. This cannot be undone. It needs the project admin role.',
		name: 'signNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	reportField({ show }),
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		default: '',
		description: "Stored in the order's status history",
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reportId = await resolveReportId(this, itemIndex);
	const comment = String(this.getNodeParameter('comment', itemIndex, '') ?? '').trim();
	return (await flowRequest.call(this, {
		service: 'report',
		method: 'POST',
		path: `/reports/${reportId}/approve-and-sign`,
		body: comment ? { comment } : {},
		project: 'required',
		itemIndex,
	})) as IDataObject;
}

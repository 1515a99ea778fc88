import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flowRequest } from '../../../shared/transport';
import { reportField, resolveReportId } from './reportField';

export const description: INodeProperties[] = [
	reportField({ show: { resource: ['report'], operation: ['getStatus'] } }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reportId = await resolveReportId(this, itemIndex);
	return (await flowRequest.call(this, {
		service: 'report',
		method: 'GET',
		path: `/reports/${reportId}/status`,
		project: 'required',
		itemIndex,
	})) as IDataObject;
}

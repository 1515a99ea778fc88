import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { flowRequest, requireRouteOffered } from '../../../shared/transport';
import { READ_INSTEAD, REPORT_ROUTES, reportRequest } from './reportApi';
import { reportField, resolveReportId } from './reportField';

const properties: INodeProperties[] = [projectField(), reportField()];

const displayOptions = { show: { resource: ['report'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	requireId(this, 'report', 'Report', itemIndex); // bad input first, then what the server offers
	// Refused for the route this operation is about, not for the lookup that precedes it.
	await requireRouteOffered(this, { service: 'report', ...REPORT_ROUTES.get, itemIndex }, READ_INSTEAD);
	const reportId = await resolveReportId(this, itemIndex, READ_INSTEAD);
	return (await flowRequest.call(
		this,
		reportRequest(this, REPORT_ROUTES.get, reportId, itemIndex, READ_INSTEAD),
	)) as IDataObject;
}

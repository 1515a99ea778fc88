import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { itemProject } from '../../shared/project';
import { matchesFilter } from '../../shared/methods';
import { flowRequest, listItems } from '../../shared/transport';
import { REPORT_ROUTES, STATUS_BY_ID_INSTEAD } from '../actions/report/reportApi';

/** Reports of the selected project, labelled by their order ("ORD-7 · approved"). */
export async function searchReports(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const body = await flowRequest.call(this, {
		service: 'report',
		method: 'GET',
		path: REPORT_ROUTES.list.path,
		project: 'required',
		projectId: itemProject(this),
		qs: { limit: 100 },
		beyondReference: { instead: STATUS_BY_ID_INSTEAD },
	});
	return {
		results: listItems(body)
			.filter((report) => matchesFilter(report, ['order_display_id', 'title', 'status', 'id', 'order_id'], filter))
			.map((report) => ({
				name: `${String(report.order_display_id ?? report.title ?? report.id)} · ${String(report.status ?? '')}`,
				value: String(report.id),
			})),
	};
}

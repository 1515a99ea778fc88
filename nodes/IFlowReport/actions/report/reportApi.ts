import type { IHttpRequestMethods } from 'n8n-workflow';

import { itemProject } from '../../../shared/project';
import type { FlowContext, FlowRequest } from '../../../shared/transport';

// The report service's JSON API (`/reports…`) is not in the published reference, which documents
// only the web app's HTML sign-off pages (docs/flow-api.md §10.1). Every call to it is `beyondReference`:
// made only when the server's /openapi.json lists it, otherwise refused with what to use instead.

interface ReportRoute {
	method: IHttpRequestMethods;
	path: string;
}

export const REPORT_ROUTES = {
	list: { method: 'GET', path: '/reports' },
	get: { method: 'GET', path: '/reports/{report_id}' },
	status: { method: 'GET', path: '/reports/{report_id}/status' },
	sign: { method: 'POST', path: '/reports/{report_id}/approve-and-sign' },
} satisfies Record<string, ReportRoute>;

export const READ_INSTEAD =
	"iFlow Miner › Order › Get for the order's status; Report › Get Status with Report 'By Order ID' (it then works from the order's status and the signed PDF in the bucket); Report › Get Signed Report for the signed PDF; or API Request for a report route your server lists.";

export const SIGN_INSTEAD =
	"sign the report in the iFlow web app. Its sign-off routes (POST /{report_id}/signoff/commit) answer HTML to a logged-in browser session and are not an API n8n can call. Afterwards, Report › Get Status with Report 'By Order ID' shows the order completed and the signed PDF, and Report › Get Signed Report downloads it.";

export const STATUS_BY_ID_INSTEAD =
	"choose Report 'By Order ID': Get Status then works from the order's status (iFlow Miner) and the signed PDF in the project bucket (iFlow Files), both in the published reference.";

/** A request to the report JSON API for one report route, with the report id filled in. */
export function reportRequest(
	ctx: FlowContext,
	route: ReportRoute,
	reportId: string,
	itemIndex: number,
	instead: string,
): FlowRequest {
	return {
		service: 'report',
		method: route.method,
		path: route.path.replace('{report_id}', reportId),
		project: 'required',
		projectId: itemProject(ctx, itemIndex),
		itemIndex,
		beyondReference: { instead },
	};
}

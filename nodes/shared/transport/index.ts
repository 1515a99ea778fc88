export { CREDENTIAL_TYPE, getFlowCredentials } from './context';
export type { FlowContext } from './context';
export { extractDetail, flowHttpError, flowNetworkError, formatValidationIssues, isNotFound } from './errors';
export { flowRequestAll, listItems } from './pagination';
export type { LocalMatcher, PagedRequest } from './pagination';
export { resolveProjectId } from './project';
export type { ProjectRule } from './project';
export { redactText, redactUrl } from './redact';
export {
	DEFAULT_DEADLINE_MS,
	DEFAULT_MAX_BODY_BYTES,
	DEFAULT_TIMEOUT_MS,
	flowRequest,
	flowRequestFull,
	flowServiceApi,
	requireQueryParametersOffered,
	requireRouteOffered,
	routeOffer,
} from './request';
export type { FlowRequest, FlowRequestBase, FlowResponse, ProjectScope, RouteOffer } from './request';
export {
	endpointNotOfferedError,
	isEndpointNotOffered,
	parameterNotOfferedError,
	queryParameterListed,
} from './capabilities';
export type { ServiceApi } from './capabilities';
export { FLOW_SERVICES, serviceApiUrl, serviceRootUrl } from './services';
export type { FlowService } from './services';
export { FILES_LIST_CAP, filesListIncompleteError, listFilesLevel, listFilesUnder } from './files';
export type { FilesEntry, FilesListing, FilesScope } from './files';

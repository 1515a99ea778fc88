export { baseName, normalizeBucketName, slugify, toBucketPath } from './bucketPath';
export type { BucketPathResult } from './bucketPath';
export {
	checkId,
	optionalId,
	parseJsonParameter,
	parseJsonValue,
	readPaging,
	requireId,
	requireString,
	splitTags,
} from './params';
export type { IdOptions } from './params';
export {
	API_METHODS,
	apiOperationsFromOpenApi,
	fillPathParameters,
	findApiOperation,
	pathFitsTemplate,
	splitMethodAndPath,
} from './openApi';
export type { ApiOperation } from './openApi';
export { pathValueProblem, requestPathProblem, segmentProblem } from './pathSafety';
export { redactCallbackUrl, redactRunSecrets, redactRunSecretsInItems } from './runSecrets';
export { pickFields, recordView, simplifyResult, simplifyTable, withFields } from './views';
export type { RecordView, SimplifiedOperation, SimplifyTable, ViewOptions } from './views';

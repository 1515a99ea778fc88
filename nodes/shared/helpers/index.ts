export { baseName, normalizeBucketName, slugify, toBucketPath } from './bucketPath';
export type { BucketPathResult } from './bucketPath';
export { checkId, requireId, requireString } from './params';
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

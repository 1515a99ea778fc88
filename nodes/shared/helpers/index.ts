export { baseName, normalizeBucketName, slugify, toBucketPath } from './bucketPath';
export type { BucketPathResult } from './bucketPath';
export { requireId, requireString } from './params';

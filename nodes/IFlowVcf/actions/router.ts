import type { OperationMap } from '../../shared/router';
import { apiRequest } from './apiRequest';
import * as cache from './cache/Cache.resource';
import * as variant from './variant/Variant.resource';

export const operations: OperationMap = {
	cache: cache.operations,
	variant: variant.operations,
	apiRequest: { send: apiRequest },
};

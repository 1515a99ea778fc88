import type { OperationMap } from '../../shared/router';
import { apiRequest } from './apiRequest';
import * as pipeline from './pipeline/Pipeline.resource';
import * as run from './run/Run.resource';

export const operations: OperationMap = {
	pipeline: pipeline.operations,
	run: run.operations,
	apiRequest: { send: apiRequest },
};

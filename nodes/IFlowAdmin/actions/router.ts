import type { OperationMap } from '../../shared/router';
import { apiRequest } from './apiRequest';
import * as project from './project/Project.resource';

export const operations: OperationMap = {
	project: project.operations,
	apiRequest: { send: apiRequest },
};

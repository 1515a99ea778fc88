import type { OperationMap } from '../../shared/router';
import { apiRequest } from './apiRequest';
import * as organization from './organization/Organization.resource';
import * as project from './project/Project.resource';
import * as user from './user/User.resource';

export const operations: OperationMap = {
	organization: organization.operations,
	project: project.operations,
	user: user.operations,
	apiRequest: { send: apiRequest },
};

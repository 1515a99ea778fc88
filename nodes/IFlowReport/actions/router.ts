import type { OperationMap } from '../../shared/router';
import { apiRequest } from './apiRequest';
import * as report from './report/Report.resource';

export const operations: OperationMap = {
	report: report.operations,
	apiRequest: { send: apiRequest },
};

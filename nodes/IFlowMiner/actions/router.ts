import type { OperationMap } from '../../shared/router';
import { apiRequest } from './apiRequest';
import * as order from './order/Order.resource';
import * as sample from './sample/Sample.resource';
import * as subject from './subject/Subject.resource';

export const operations: OperationMap = {
	subject: subject.operations,
	sample: sample.operations,
	order: order.operations,
	apiRequest: { send: apiRequest },
};

import type { OperationMap } from '../../shared/router';
import { apiRequest } from './apiRequest';
import * as event from './event/Event.resource';

export const operations: OperationMap = {
	event: event.operations,
	apiRequest: { send: apiRequest },
};

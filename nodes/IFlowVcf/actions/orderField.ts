import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../shared/descriptions';

/** The Order field; `displayOptions` only for a condition on another field (the operation scopes it). */
export function orderField(description?: string, displayOptions?: IDisplayOptions): INodeProperties {
	return { ...recordLocator('order', 'Order', 'searchOrders', description), ...(displayOptions && { displayOptions }) };
}

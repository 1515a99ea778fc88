import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../shared/descriptions';

export function orderField(displayOptions: IDisplayOptions, description?: string): INodeProperties {
	return { ...recordLocator('order', 'Order', 'searchOrders', description), displayOptions };
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orderLocator } from './fields';
import { moveOptions, moveOrder } from './move';

const show = { resource: ['order'], operation: ['cancel'] };

export const description: INodeProperties[] = [
	orderLocator(
		show,
		'The order to cancel. Cancelling is final: the order stops where it is and can never be resumed (create a new order instead). Needs the project Admin role.',
	),
	moveOptions(show),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await moveOrder(this, itemIndex, 'cancelled');
}

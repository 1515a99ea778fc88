import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { kindLocator, operationFields } from '../recordOperations';
import { ORDER } from '../records';
import { moveOptions, moveOrder } from './move';

export const description: INodeProperties[] = operationFields(ORDER, 'cancel', [
	kindLocator(
		ORDER,
		'The order to cancel. Cancelling is final: the order stops where it is and can never be resumed (create a new order instead). Needs the project Admin role.',
	),
	moveOptions(),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await moveOrder(this, itemIndex, 'cancelled');
}

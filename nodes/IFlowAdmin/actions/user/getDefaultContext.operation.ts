import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flowRequest } from '../../../shared/transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return (await flowRequest.call(this, {
		service: 'admin',
		method: 'GET',
		path: '/users/me/default-context',
		itemIndex,
	})) as IDataObject;
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging } from '../../../shared/helpers';
import { returnAllOrLimit } from '../../../shared/descriptions';
import { flowRequestAll } from '../../../shared/transport';

const properties: INodeProperties[] = returnAllOrLimit();

const displayOptions = { show: { resource: ['organization'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { returnAll, limit } = readPaging(this, itemIndex);
	return await flowRequestAll.call(this, { service: 'admin', path: '/orgs', returnAll, limit, itemIndex });
}

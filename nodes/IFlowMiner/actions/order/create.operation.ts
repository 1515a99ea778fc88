import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireString } from '../../../shared/helpers';
import { buildBody } from '../../helpers/values';
import { createRecord, ORDER } from '../records';
import { ORDER_SPECS, orderFieldOptions } from './fields';

const show = { resource: ['order'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Display ID',
		name: 'displayId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ORD-2026-0001',
		description: 'Human-readable order ID, unique in the project',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: orderFieldOptions(false),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const displayId = requireString(this, 'displayId', 'Display ID', itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = { display_id: displayId, ...buildBody(this, itemIndex, ORDER_SPECS, fields) };
	return await createRecord(this, ORDER, itemIndex, body);
}

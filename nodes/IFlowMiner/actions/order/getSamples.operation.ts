import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyField } from '../../../shared/descriptions';
import { listItems } from '../../../shared/transport';
import { simplifyRecord } from '../../helpers/views';
import { ORDER, recordId } from '../records';
import { orderLocator } from './fields';
import { minerRequest } from '../../helpers/request';

const show = { resource: ['order'], operation: ['getSamples'] };

export const description: INodeProperties[] = [orderLocator(show), simplifyField({ show })];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = recordId(this, ORDER, itemIndex);
	const body = await minerRequest(this, {
		method: 'GET',
		path: `/orders/${id}/samples`,
		itemIndex,
	});
	const samples = listItems(body).map((sample) => ({ ...sample, order_id: id }));
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return simplify ? samples.map((sample) => ({ ...simplifyRecord('sample', sample), order_id: id })) : samples;
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectLocator, returnAllOrLimit } from '../../../shared/descriptions';
import { flowRequestAll } from '../../../shared/transport';
import { optionalId } from '../../helpers/runs';

const show = { resource: ['run'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	{ ...projectLocator, displayOptions: { show } },
	...returnAllOrLimit({ show }),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Order ID',
				name: 'orderId',
				type: 'string',
				default: '',
				description: 'Only runs linked to this order',
			},
			{
				displayName: 'Pipeline ID',
				name: 'pipelineId',
				type: 'string',
				default: '',
				description: 'Only runs of this pipeline version',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'running',
				options: [
					{ name: 'Cancelled', value: 'cancelled' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Queued', value: 'queued' },
					{ name: 'Running', value: 'running' },
					{ name: 'Succeeded', value: 'succeeded' },
				],
			},
		],
	},
];

/** `GET /runs` of the project (X-Project-ID required), newest first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.status) qs.status = filters.status;
	const orderId = optionalId(this, 'filters.orderId', 'Order ID', itemIndex);
	if (orderId) qs.order_id = orderId;
	const pipelineId = optionalId(this, 'filters.pipelineId', 'Pipeline ID', itemIndex);
	if (pipelineId) qs.pipeline_id = pipelineId;
	return await flowRequestAll.call(this, {
		service: 'compute',
		path: '/runs',
		qs,
		project: 'required',
		returnAll,
		limit,
		itemIndex,
	});
}

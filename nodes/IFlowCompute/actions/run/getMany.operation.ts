import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, projectField, returnAllOrLimit } from '../../../shared/descriptions';
import { optionalId, readPaging } from '../../../shared/helpers';
import { itemProject } from '../../../shared/project';
import { flowRequestAll, flowServiceApi, queryParameterListed } from '../../../shared/transport';
import { runsOfOrder } from './getRunsOfOrder.operation';

const properties: INodeProperties[] = [
	projectField(),
	...returnAllOrLimit(),
	filtersCollection([
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
	]),
];

const displayOptions = { show: { resource: ['run'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * `GET /runs` of the project (X-Project-ID required), newest first. Its filters are INFERRED
 * (docs/flow-api.md §7.8): each is sent when the server lists it and applied here otherwise. Without a
 * listed `order_id`, an order's runs come from the documented `GET /runs/by-order/{order_id}`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { returnAll, limit } = readPaging(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const orderId = optionalId(this, 'filters.orderId', 'Order ID', itemIndex);
	const pipelineId = optionalId(this, 'filters.pipelineId', 'Pipeline ID', itemIndex);
	const status = filters.status ? String(filters.status) : undefined;

	const api = await flowServiceApi(this, 'compute');
	if (orderId && !queryParameterListed(api, 'GET', '/runs', 'order_id')) {
		const runs = (await runsOfOrder.call(this, orderId, itemIndex)).filter(
			(run) => (!status || run.status === status) && (!pipelineId || run.pipeline_id === pipelineId),
		);
		return limit === undefined ? runs : runs.slice(0, limit);
	}
	return await flowRequestAll.call(this, {
		service: 'compute',
		path: '/runs',
		filters: { status, order_id: orderId, pipeline_id: pipelineId },
		project: 'required',
		projectId: itemProject(this, itemIndex),
		returnAll,
		limit,
		itemIndex,
	});
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { flowRequestAll } from '../../../shared/transport';

const show = { resource: ['event'], operation: ['getMany'] };

export const description: INodeProperties[] = [
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
				displayName: 'Action',
				name: 'action',
				type: 'string',
				default: '',
				placeholder: 'order.transition',
				description: 'Only events with this action',
			},
			{
				displayName: 'Entity ID',
				name: 'entityId',
				type: 'string',
				default: '',
				description: 'Only events about this record (e.g. an order ID)',
			},
			{
				displayName: 'Entity Type',
				name: 'entityType',
				type: 'string',
				default: '',
				placeholder: 'order',
				description: 'Only events about this kind of record: order, sample, subject, report, run, file…',
			},
			{
				displayName: 'From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Only events at or after this time',
			},
			{
				displayName: 'To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Only events at or before this time',
			},
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				default: '',
				description: 'Only events caused by this user',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Sort',
				name: 'order',
				type: 'options',
				default: 'desc',
				options: [
					{ name: 'Newest First', value: 'desc' },
					{ name: 'Oldest First', value: 'asc' },
				],
			},
		],
	},
];

interface EventFilters {
	action?: string;
	entityId?: string;
	entityType?: string;
	from?: string;
	to?: string;
	userId?: string;
}

/** An ISO timestamp with zone from a date field, or an error naming the field. */
function isoTime(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const time = new Date(String(value));
	if (Number.isNaN(time.getTime())) {
		throw new NodeOperationError(ctx.getNode(), `'${label}' is not a valid date and time: "${String(value)}"`, {
			itemIndex,
		});
	}
	return time.toISOString();
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as EventFilters;
	const options = this.getNodeParameter('options', itemIndex, {}) as { order?: string };
	const qs: IDataObject = {};
	if (filters.entityType?.trim()) qs.entity_type = filters.entityType.trim();
	if (filters.entityId?.trim()) qs.entity_id = filters.entityId.trim();
	if (filters.userId?.trim()) qs.user_id = filters.userId.trim();
	if (filters.action?.trim()) qs.action = filters.action.trim();
	const from = isoTime(this, filters.from, 'From', itemIndex);
	const to = isoTime(this, filters.to, 'To', itemIndex);
	if (from && to && from > to) {
		throw new NodeOperationError(this.getNode(), `'From' (${from}) is after 'To' (${to})`, { itemIndex });
	}
	if (from) qs.from = from;
	if (to) qs.to = to;
	if (options.order) qs.order = options.order;

	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	return await flowRequestAll.call(this, {
		service: 'audit',
		path: '/events',
		qs,
		project: 'optional',
		returnAll,
		limit,
		itemIndex,
	});
}

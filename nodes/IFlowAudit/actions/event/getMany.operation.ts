import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, optionsCollection, projectField, returnAllOrLimit } from '../../../shared/descriptions';
import { itemProject } from '../../../shared/project';
import { flowRequestAll } from '../../../shared/transport';
import { queryParameterListed } from '../../../shared/transport/capabilities';
import { flowServiceApi } from '../../../shared/transport/request';

const properties: INodeProperties[] = [
	projectField({
		description:
			"Only events of this project. Leave empty to use the credential's Default Project ID, or, without one, every project you can see.",
	}),
	...returnAllOrLimit(),
	filtersCollection([
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
	]),
	optionsCollection([
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
	]),
];

const displayOptions = { show: { resource: ['event'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

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

/** What to use on a server without the (INFERRED) audit feed. */
export const AUDIT_INSTEAD =
	"The published iFlow API reference documents no audit API. The audit log is visible in the iFlow web app: each record's History card and the project's audit feed, filterable by user, record type and date range.";

type Order = 'asc' | 'desc';

function timeOf(event: IDataObject): number {
	return Date.parse(String(event.occurred_at ?? ''));
}

/**
 * Events in time order. The sort is stable, so events with the same time keep the server's
 * order (newest first unless it was asked for and listed `order`), turned round for the other
 * direction. Events without a readable time go last.
 */
export function sortEvents(events: IDataObject[], order: Order, serverOrder: Order): IDataObject[] {
	const list = serverOrder === order ? [...events] : [...events].reverse();
	const sign = order === 'asc' ? 1 : -1;
	return list.sort((a, b) => {
		const [ta, tb] = [timeOf(a), timeOf(b)];
		if (Number.isNaN(ta) || Number.isNaN(tb)) return Number.isNaN(ta) ? (Number.isNaN(tb) ? 0 : 1) : -1;
		return sign * (ta - tb);
	});
}

/**
 * The audit feed (`GET /events`, INFERRED: the reference documents no audit API) is called
 * only on a server whose /openapi.json lists it. Each filter and the sort go to the server
 * only when it lists them; otherwise the node applies them, and then it must read every
 * matching event before it can tell which are the first Limit in the chosen order.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as EventFilters;
	const options = this.getNodeParameter('options', itemIndex, {}) as { order?: string };
	const from = isoTime(this, filters.from, 'From', itemIndex);
	const to = isoTime(this, filters.to, 'To', itemIndex);
	if (from && to && from > to) {
		throw new NodeOperationError(this.getNode(), `'From' (${from}) is after 'To' (${to})`, { itemIndex });
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', itemIndex)));
	const order: Order = options.order === 'asc' ? 'asc' : 'desc';

	const api = await flowServiceApi(this, 'audit');
	const listed = (name: string) => queryParameterListed(api, 'GET', '/events', name);
	const qs: IDataObject = {};
	const local: Array<(event: IDataObject) => boolean> = [];
	const userId = filters.userId?.trim();
	if (userId) {
		if (listed('user_id')) qs.user_id = userId;
		else local.push((event) => event.actor_id === userId);
	}
	if (from) {
		if (listed('from')) qs.from = from;
		else local.push((event) => timeOf(event) >= Date.parse(from));
	}
	if (to) {
		if (listed('to')) qs.to = to;
		else local.push((event) => timeOf(event) <= Date.parse(to));
	}
	const serverSorts = listed('order');
	if (serverSorts) qs.order = order;

	// Equality filters on the event's own fields: sent when listed, else applied by flowRequestAll.
	const equality: IDataObject = {
		entity_type: filters.entityType?.trim(),
		entity_id: filters.entityId?.trim(),
		action: filters.action?.trim(),
	};
	const readAll = returnAll || !serverSorts || local.length > 0;
	const events = await flowRequestAll.call(this, {
		service: 'audit',
		path: '/events',
		qs,
		filters: equality,
		project: 'optional',
		projectId: itemProject(this, itemIndex),
		returnAll: readAll,
		limit: readAll ? undefined : limit,
		itemIndex,
		beyondReference: { instead: AUDIT_INSTEAD },
	});
	const kept = events.filter((event) => local.every((matches) => matches(event)));
	return sortEvents(kept, order, serverSorts ? order : 'desc').slice(0, limit);
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemProject } from '../../shared/project';
import { readPaging, requireId, requireString } from '../../shared/helpers';
import { matchesFilter } from '../../shared/methods';
import { flowRequestAll } from '../../shared/transport';
import type { LocalMatcher } from '../../shared/transport';
import { createOnce, differingFields } from '../../shared/transport/reconcile';
import type { NaturalKey } from '../../shared/transport/reconcile';
import type { FieldSpec } from '../helpers/values';
import { buildBody } from '../helpers/values';
import type { RecordResource } from '../helpers/views';
import { displayIdOf } from '../helpers/views';
import { minerRequest } from '../helpers/request';

/** What the generic record operations need to know about Subject, Sample and Order. */
export interface RecordKind {
	resource: RecordResource;
	label: string;
	/** Collection path under the miner API, e.g. `/subjects`. */
	path: string;
	/** Name of the record's resource locator parameter. */
	idParam: string;
	/** Update method: subjects and samples PATCH, orders PUT. */
	updateMethod: 'PATCH' | 'PUT';
	/** Fields the Search filter matches (case-insensitive, part of the value). */
	searchFields: string[];
}

export const SUBJECT: RecordKind = {
	resource: 'subject',
	label: 'Subject',
	path: '/subjects',
	idParam: 'subjectId',
	updateMethod: 'PATCH',
	searchFields: ['display_id', 'name', 'external_id'],
};
export const SAMPLE: RecordKind = {
	resource: 'sample',
	label: 'Sample',
	path: '/samples',
	idParam: 'sampleId',
	updateMethod: 'PATCH',
	searchFields: ['display_id', 'name', 'external_id', 'barcode'],
};
export const ORDER: RecordKind = {
	resource: 'order',
	label: 'Order',
	path: '/orders',
	idParam: 'orderId',
	updateMethod: 'PUT',
	searchFields: ['display_id', 'name', 'accession_number', 'external_id'],
};

export const recordId = (ctx: IExecuteFunctions, kind: RecordKind, itemIndex: number) =>
	requireId(ctx, kind.idParam, kind.label, itemIndex);

/**
 * Create a record. Its display ID is its natural key (unique in the project): when the answer
 * is lost, the record is looked up instead of the item failing (shared/transport/reconcile.ts).
 */
export async function createRecord(
	ctx: IExecuteFunctions,
	kind: RecordKind,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject> {
	const send = async () => await minerRequest(ctx, { method: 'POST', path: kind.path, body, itemIndex });
	return await createOnce(ctx.getNode(), itemIndex, send, displayIdKey(ctx, kind, itemIndex, body));
}

function displayIdKey(
	ctx: IExecuteFunctions,
	kind: RecordKind,
	itemIndex: number,
	body: IDataObject,
): NaturalKey | undefined {
	const displayId = typeof body.display_id === 'string' ? body.display_id : undefined;
	if (!displayId) return undefined;
	return {
		label: `${kind.label.toLowerCase()} "${displayId}"`,
		unique: true,
		find: async () => {
			const matches = await findRecords(ctx, kind, 'display_id', displayId, itemIndex);
			if (matches.length > 1)
				throw new NodeOperationError(ctx.getNode(), `${matches.length} records have that display ID`, { itemIndex });
			return matches[0];
		},
		differences: (record) => differingFields(body, record),
	};
}

/**
 * The records whose display ID or external ID is exactly `value`. Uses the server's `search`
 * where its /openapi.json lists it (documented for orders), else reads the list and matches
 * here. Shared by Create or Update and by the look-up after a create whose answer was lost.
 */
export async function findRecords(
	ctx: IExecuteFunctions,
	kind: RecordKind,
	field: 'display_id' | 'external_id',
	value: unknown,
	itemIndex: number,
): Promise<IDataObject[]> {
	const candidates = await flowRequestAll.call(ctx, {
		service: 'miner',
		path: kind.path,
		matchers: { search: searchMatcher(kind, value) },
		project: 'required',
		projectId: itemProject(ctx, itemIndex),
		returnAll: true,
		pageSize: 1000,
		itemIndex,
	});
	return candidates.filter((record) =>
		field === 'display_id' ? displayIdOf(record) === value : String(record.external_id ?? '') === value,
	);
}

export async function getRecord(ctx: IExecuteFunctions, kind: RecordKind, itemIndex: number): Promise<IDataObject> {
	const id = recordId(ctx, kind, itemIndex);
	return await minerRequest(ctx, {
		method: 'GET',
		path: `${kind.path}/${id}`,
		itemIndex,
	});
}

/**
 * `search` as the server does it when it lists the parameter, else here: the reference marks it
 * INFERRED for subjects and samples, and a server that ignores it answers the unfiltered list.
 */
export function searchMatcher(kind: RecordKind, text: unknown): LocalMatcher {
	const value = typeof text === 'string' && text.trim() ? text.trim() : undefined;
	return { value, matches: (record) => matchesFilter(record, kind.searchFields, value) };
}

/**
 * Get Many of a record kind. `qs` holds documented filters (always sent); `filters` are the
 * INFERRED equality filters and `search` the INFERRED text search: sent when the server lists
 * them, applied here otherwise, so a server that does not know them gives the same answer.
 */
export async function getManyRecords(
	ctx: IExecuteFunctions,
	kind: RecordKind,
	itemIndex: number,
	query: { qs?: IDataObject; filters?: IDataObject; search?: unknown },
): Promise<IDataObject[]> {
	const { returnAll, limit } = readPaging(ctx, itemIndex);
	return await flowRequestAll.call(ctx, {
		service: 'miner',
		path: kind.path,
		qs: query.qs ?? {},
		filters: query.filters,
		matchers: { search: searchMatcher(kind, query.search) },
		project: 'required',
		projectId: itemProject(ctx, itemIndex),
		returnAll,
		limit,
		itemIndex,
	});
}

/** Update with the given fields; an empty update is refused before any request. */
export async function updateRecord(
	ctx: IExecuteFunctions,
	kind: RecordKind,
	itemIndex: number,
	specs: readonly FieldSpec[],
): Promise<IDataObject> {
	const id = recordId(ctx, kind, itemIndex);
	const body = buildBody(ctx, itemIndex, specs, ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(ctx.getNode(), `'Update Fields' is empty: add at least one field to change`, {
			itemIndex,
		});
	}
	return await minerRequest(ctx, {
		method: kind.updateMethod,
		path: `${kind.path}/${id}`,
		body,
		itemIndex,
		// Setting the same values twice changes nothing: safe to repeat after a broken connection.
		idempotent: true,
	});
}

export async function deleteRecord(ctx: IExecuteFunctions, kind: RecordKind, itemIndex: number): Promise<IDataObject> {
	const id = recordId(ctx, kind, itemIndex);
	await minerRequest(ctx, {
		method: 'DELETE',
		path: `${kind.path}/${id}`,
		itemIndex,
	});
	return { deleted: true, id };
}

/**
 * Create or Update: look the record up by display ID or external ID (exact match), PATCH it when
 * found, create it otherwise. Running it twice with the same row creates one record.
 */
export async function upsertRecord(
	ctx: IExecuteFunctions,
	kind: RecordKind,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject> {
	const matchOn = ctx.getNodeParameter('matchOn', itemIndex, 'displayId') as string;
	const key = matchOn === 'externalId' ? 'external_id' : 'display_id';
	const label = matchOn === 'externalId' ? 'External ID' : 'Display ID';
	const value = matchOn === 'externalId' ? requireString(ctx, 'externalId', label, itemIndex) : body.display_id;
	if (matchOn === 'externalId') body.external_id = value;

	const matches = await findRecords(ctx, kind, key, value, itemIndex);
	if (matches.length > 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`'${label}' "${String(value)}" matches ${matches.length} ${kind.label.toLowerCase()}s: cannot tell which one to update`,
			{ itemIndex, description: 'Match on Display ID (unique per project) instead.' },
		);
	}
	if (matches.length === 0) return await createRecord(ctx, kind, itemIndex, body);
	return await minerRequest(ctx, {
		method: kind.updateMethod,
		path: `${kind.path}/${String(matches[0].id)}`,
		body,
		itemIndex,
		// Setting the same values twice changes nothing: safe to repeat after a broken connection.
		idempotent: true,
	});
}

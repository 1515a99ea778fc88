import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, projectField, recordLocator, returnAllOrLimit } from '../../shared/descriptions';
import { requireString } from '../../shared/helpers';
import type { OperationModule } from '../../shared/router';
import {
	additionalFieldOptions,
	bodySpecs,
	filterOptions,
	filterSpecs,
	inferredFilterKeys,
	updateFieldOptions,
	updateSpecs,
} from '../helpers/fieldTable';
import type { MinerField } from '../helpers/fieldTable';
import { buildBody } from '../helpers/values';
import { createRecord, deleteRecord, getManyRecords, getRecord, updateRecord, upsertRecord } from './records';
import type { RecordKind } from './records';

/**
 * The parts Subject, Sample and Order share: descriptions and executes derived from the
 * resource's record kind (actions/records.ts) and field table (actions/<resource>/fields.ts).
 */

/**
 * One operation's description, as every Miner operation writes it: the Project field first, then
 * the operation's own fields, all shown for this resource and operation (updateDisplayOptions).
 */
export const operationFields = (kind: RecordKind, operation: string, properties: INodeProperties[]) =>
	updateDisplayOptions({ show: { resource: [kind.resource], operation: [operation] } }, [
		projectField(),
		...properties,
	]);

/** The record's resource locator (subjectId, sampleId, orderId) with its search list. */
export const kindLocator = (kind: RecordKind, description?: string): INodeProperties =>
	recordLocator(kind.idParam, kind.label, `search${kind.label}s`, description);

const fieldsCollection = (name: string, displayName: string, options: INodeProperties[]): INodeProperties => ({
	displayName,
	name,
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options,
});

/** Additional Fields of Create and Create or Update. */
export const additionalFields = (table: readonly MinerField[]) =>
	fieldsCollection('additionalFields', 'Additional Fields', additionalFieldOptions(table));

/** The required Display ID of a create. */
export const displayIdField = (placeholder: string, description: string): INodeProperties => ({
	displayName: 'Display ID',
	name: 'displayId',
	type: 'string',
	required: true,
	default: '',
	placeholder,
	description,
});

/** Match On + External ID of Create or Update (the External ID only when matching on it). */
export function matchOnFields(kind: RecordKind, displayId: INodeProperties[]): INodeProperties[] {
	const lower = kind.label.toLowerCase();
	return [
		{
			displayName: 'Match On',
			name: 'matchOn',
			type: 'options',
			options: [
				{
					name: 'Display ID',
					value: 'displayId',
					description: `Find the ${lower} by its display ID (unique in the project)`,
				},
				{
					name: 'External ID',
					value: 'externalId',
					description: `Find the ${lower} by its ID in your LIMS (the ${lower}'s External ID)`,
				},
			],
			default: 'displayId',
			description: `How to recognise a ${lower} that already exists; it is updated instead of created again`,
		},
		...displayId,
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			required: true,
			default: '',
			description: `The ${lower}'s ID in your LIMS; used to find it`,
			displayOptions: { show: { matchOn: ['externalId'] } },
		},
	];
}

/** Get: the record by ID. */
export const getOperation = (kind: RecordKind): OperationModule => ({
	description: operationFields(kind, 'get', [kindLocator(kind)]),
	execute: async function (this: IExecuteFunctions, itemIndex: number) {
		return await getRecord(this, kind, itemIndex);
	},
});

/** Delete: the record by ID; `description` says what else goes and when iFlow refuses. */
export const deleteOperation = (kind: RecordKind, description: string): OperationModule => ({
	description: operationFields(kind, 'delete', [kindLocator(kind, description)]),
	execute: async function (this: IExecuteFunctions, itemIndex: number) {
		return await deleteRecord(this, kind, itemIndex);
	},
});

/** Update: the record by ID and the Update Fields of its table. */
export const updateOperation = (kind: RecordKind, table: readonly MinerField[]): OperationModule => ({
	description: operationFields(kind, 'update', [
		kindLocator(kind),
		fieldsCollection('updateFields', 'Update Fields', updateFieldOptions(table)),
	]),
	execute: async function (this: IExecuteFunctions, itemIndex: number) {
		return await updateRecord(this, kind, itemIndex, updateSpecs(table));
	},
});

/** Get Many: Return All/Limit and the Filters of its table, each sent where the table says. */
export const getManyOperation = (kind: RecordKind, table: readonly MinerField[]): OperationModule => ({
	description: operationFields(kind, 'getMany', [...returnAllOrLimit(), filtersCollection(filterOptions(table))]),
	execute: async function (this: IExecuteFunctions, itemIndex: number) {
		const values = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const { search, ...documented } = buildBody(this, itemIndex, filterSpecs(table), values);
		const inferred = inferredFilterKeys(table);
		const filters = Object.fromEntries(inferred.map((key) => [key, documented[key]])) as IDataObject;
		for (const key of inferred) delete documented[key];
		return await getManyRecords(this, kind, itemIndex, { qs: documented, filters, search });
	},
});

/** What Create and Create or Update of a resource need beyond its kind and table. */
export interface CreateForm {
	kind: RecordKind;
	table: readonly MinerField[];
	/** The required fields before Additional Fields (Display ID, a sample's Subject). */
	required: INodeProperties[];
	/** Body fields read from `required` besides the display ID, checked first. */
	requiredBody?: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject;
}

/**
 * The body of a create: the required fields, the display ID and Additional Fields, all checked
 * before any request. Matching on External ID, the top-level field wins over an Additional Fields copy.
 */
export function createBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	form: CreateForm,
	skipExternalId = false,
): IDataObject {
	const first = form.requiredBody?.(ctx, itemIndex) ?? {};
	const displayId = requireString(ctx, 'displayId', 'Display ID', itemIndex);
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const specs = bodySpecs(form.table).filter((spec) => !(skipExternalId && spec.key === 'external_id'));
	return { ...first, display_id: displayId, ...buildBody(ctx, itemIndex, specs, fields) };
}

/** Create: fails if the display ID already exists (a lost answer is looked up, see records.ts). */
export const createOperation = (form: CreateForm): OperationModule => ({
	description: operationFields(form.kind, 'create', [...form.required, additionalFields(form.table)]),
	execute: async function (this: IExecuteFunctions, itemIndex: number) {
		return await createRecord(this, form.kind, itemIndex, createBody(this, itemIndex, form));
	},
});

/** Create or Update: matched on display ID or external ID. */
export const upsertOperation = (form: CreateForm): OperationModule => ({
	description: operationFields(form.kind, 'upsert', [
		...matchOnFields(form.kind, form.required),
		additionalFields(form.table),
	]),
	execute: async function (this: IExecuteFunctions, itemIndex: number) {
		const matchOn = this.getNodeParameter('matchOn', itemIndex, 'displayId') as string;
		const body = createBody(this, itemIndex, form, matchOn === 'externalId');
		return await upsertRecord(this, form.kind, itemIndex, body);
	},
});

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { FieldSpec } from './values';

/**
 * One field of a resource table (actions/<resource>/fields.ts): the table is the one place a
 * Miner field is described. Additional Fields, Update Fields, the Get Many filters, the local
 * checks and the request bodies are all derived from it; test/unit/miner/fieldTables.test.ts
 * checks every table against the emulator's spec (test/emulator/spec/).
 */
export interface MinerField {
	/** Parameter name (camelCase); the API field is its snake_case form. */
	param: string;
	/** Display name, also the field's name in error messages. */
	label: string;
	kind: FieldSpec['kind'];
	/** Allowed values of an enum (helpers/enums.ts). */
	values?: readonly string[];
	/** Accepted spellings mapped to a current value (legacy names). */
	aliases?: Readonly<Record<string, string>>;
	/** Option names that are not the value in title case. */
	names?: Readonly<Record<string, string>>;
	/** 'update': only in Update Fields (listed first there); 'filter': only a Get Many filter. */
	only?: 'update' | 'filter';
	/** The rest of the parameter in Additional Fields and Update Fields. */
	ui?: Partial<INodeProperties>;
	/**
	 * Also a Get Many filter. Documented filters are always sent; `inferred` ones (docs/flow-api.md §9)
	 * are sent when the server lists them and applied here otherwise; `search` is the text search.
	 */
	filter?: {
		inferred?: boolean;
		/** Values the filter accepts besides `values`, not offered in the list (legacy names). */
		accepts?: readonly string[];
		ui?: Partial<INodeProperties>;
	};
}

const TYPES = {
	string: 'string',
	date: 'dateTime',
	enum: 'options',
	tags: 'string',
	json: 'json',
	id: 'string',
} as const;

/** accessionNumber → accession_number */
export const apiKey = (param: string) => param.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** liquid_biopsy → Liquid Biopsy */
export const optionName = (value: string, names: Readonly<Record<string, string>> = {}) =>
	names[value] ??
	value.replace(/(^|_)([a-z])/g, (_, gap: string, letter: string) => `${gap ? ' ' : ''}${letter.toUpperCase()}`);

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0;

/** The options of an enum, sorted by name as n8n's lint wants them. */
export function enumOptions(
	values: readonly string[],
	names?: Readonly<Record<string, string>>,
	descriptions: Readonly<Record<string, string>> = {},
): INodePropertyOptions[] {
	return values
		.map((value) => {
			const option: INodePropertyOptions = { name: optionName(value, names), value };
			if (descriptions[value]) option.description = descriptions[value];
			return option;
		})
		.sort(byName);
}

function parameter(field: MinerField, ui: Partial<INodeProperties> = {}): INodeProperties {
	const property: INodeProperties = {
		displayName: field.label,
		name: field.param,
		type: TYPES[field.kind],
		default: field.kind === 'json' ? '{}' : '',
	};
	if (field.kind === 'enum') property.options = enumOptions(field.values ?? [], field.names);
	return { ...property, ...ui };
}

const spec = (field: MinerField, values = field.values): FieldSpec => ({
	param: field.param,
	key: apiKey(field.param),
	label: field.label,
	kind: field.kind,
	...(values ? { values } : {}),
	...(field.aliases ? { aliases: field.aliases } : {}),
});

const inBody = (table: readonly MinerField[]) => table.filter((field) => !field.only);
const updateOnly = (table: readonly MinerField[]) => table.filter((field) => field.only === 'update');
const filters = (table: readonly MinerField[]) => table.filter((field) => field.filter);

/** Additional Fields of Create and Create or Update. */
export const additionalFieldOptions = (table: readonly MinerField[]) =>
	inBody(table)
		.map((field) => parameter(field, field.ui))
		.sort(byDisplayName);

/** Update Fields: the update-only fields first, then the rest as in Additional Fields. */
export const updateFieldOptions = (table: readonly MinerField[]) => [
	...updateOnly(table).map((field) => parameter(field, field.ui)),
	...additionalFieldOptions(table),
];

/** Get Many › Filters. */
export const filterOptions = (table: readonly MinerField[]) =>
	filters(table)
		.map((field) => parameter(field, field.filter?.ui))
		.sort(byDisplayName);

/** How Additional Fields become a create body, in table order (the first bad value is reported). */
export const bodySpecs = (table: readonly MinerField[]) => inBody(table).map((field) => spec(field));

/** How Update Fields become an update body. */
export const updateSpecs = (table: readonly MinerField[]) =>
	[...updateOnly(table), ...inBody(table)].map((field) => spec(field));

/** How Filters are checked, in table order; legacy values a filter accepts are listed in its error. */
export const filterSpecs = (table: readonly MinerField[]) =>
	filters(table).map((field) =>
		spec(field, field.values && field.filter?.accepts ? [...field.values, ...field.filter.accepts] : field.values),
	);

/** API keys of the filters the reference marks INFERRED (sent when the server lists them, else applied here). */
export const inferredFilterKeys = (table: readonly MinerField[]) =>
	filters(table)
		.filter((field) => field.filter?.inferred)
		.map((field) => apiKey(field.param));

/** A free-text field; `rows` makes it a text area. */
export const text = (
	param: string,
	label: string,
	description: string,
	placeholder?: string,
	rows?: number,
): MinerField => ({
	param,
	label,
	kind: 'string',
	ui: {
		...(rows ? { typeOptions: { rows } } : {}),
		...(placeholder ? { placeholder } : {}),
		description,
	},
});

/** A date picker sent as YYYY-MM-DD. */
export const date = (param: string, label: string, description = 'Sent as a date (YYYY-MM-DD)'): MinerField => ({
	param,
	label,
	kind: 'date',
	ui: { description },
});

/** Fields every resource has, with the resource's own wording. */
export const common = {
	displayId: (resource: string): MinerField => ({
		param: 'displayId',
		label: 'Display ID',
		kind: 'string',
		only: 'update',
		ui: { description: `New human-readable ID (unique in the project; frozen once the ${resource} has files)` },
	}),
	search: (description: string): MinerField => ({
		param: 'search',
		label: 'Search',
		kind: 'string',
		only: 'filter',
		filter: { ui: { description } },
	}),
	externalId: (description: string) => text('externalId', 'External ID', description),
	tags: (placeholder: string): MinerField => ({
		param: 'tags',
		label: 'Tags',
		kind: 'tags',
		ui: { placeholder, description: 'Comma-separated tags (replace the existing tags on update)' },
	}),
	properties: (example: string): MinerField => ({
		param: 'properties',
		label: 'Properties (JSON)',
		kind: 'json',
		ui: {
			description: `Free ${example}. On update, keys are merged into the existing properties.`,
		},
	}),
};

import type { INodeProperties } from 'n8n-workflow';

// Keep `options` sorted by displayName: n8n's lint (node-param-collection-type-unsorted-items)
// cannot see through these calls, so test/unit/shared/nodeDescriptions.test.ts checks it.

/** The "Filters" collection of a Get Many operation. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}

/** An operation's "Options" collection (`name` for a node that has another field named options). */
export function optionsCollection(options: INodeProperties[], name = 'options'): INodeProperties {
	return {
		displayName: 'Options',
		name,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

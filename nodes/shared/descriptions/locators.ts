import type { INodeProperties } from 'n8n-workflow';

/** "a sample", "an order": the article a placeholder needs before a word. */
export function withArticle(word: string): string {
	return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

const UUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * A resource locator for a Miner record: "From list" (searched by display id) or "By ID".
 * Use with `{ ...recordLocator('order', 'Order', 'searchOrders'), displayOptions }`.
 * The description always ends by saying where the ID is found, so a user is never left with a bare "ID".
 */
export function recordLocator(
	name: string,
	displayName: string,
	searchListMethod: string,
	description?: string,
): INodeProperties {
	const lower = displayName.toLowerCase();
	const where = `Pick it from the list (search by display ID) or paste its ID (a UUID, as output by iFlow Miner › ${displayName} › Get or Get Many)`;
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `${(description ?? `The ${lower} to use`).replace(/\.$/, '')}. ${where}.`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${withArticle(lower)}…`,
				typeOptions: { searchListMethod, searchable: true, searchFilterRequired: false },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'd1f0a2b3-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
				validation: [
					{ type: 'regex', properties: { regex: UUID_REGEX, errorMessage: 'Not a valid iFlow ID (a UUID)' } },
				],
			},
		],
	};
}

export const UUID_PATTERN = new RegExp(UUID_REGEX);

/**
 * The `modes` of a pipeline locator: the searchable list (value = slug) or the slug typed. Spread
 * in the field's literal. `bySlug`: the typed mode's name, as saved in workflows (Compute's
 * fields: 'slug', the trigger's: 'id').
 */
export function pipelineModes(bySlug: string): Pick<INodeProperties, 'modes'> {
	return {
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a pipeline…',
				typeOptions: { searchListMethod: 'searchPipelines', searchable: true },
			},
			{
				displayName: 'By Slug',
				name: bySlug,
				type: 'string',
				placeholder: 'hereditary-mock',
			},
		],
	};
}

import type { INodeProperties } from 'n8n-workflow';

const UUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * A resource locator for a Miner record: "From list" (searched by display id) or "By ID".
 * Use with `{ ...recordLocator('order', 'Order', 'searchOrders'), displayOptions }`.
 */
export function recordLocator(
	name: string,
	displayName: string,
	searchListMethod: string,
	description?: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: description ?? `The ${displayName.toLowerCase()} to use`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${displayName.toLowerCase()}…`,
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

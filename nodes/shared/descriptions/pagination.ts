import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Return All + Limit with n8n's standard wording. Without `displayOptions` the operation scopes
 * them (updateDisplayOptions). Limit shows only while Return All is off.
 */
export function returnAllOrLimit(displayOptions: IDisplayOptions = {}): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { ...displayOptions, show: { ...(displayOptions.show ?? {}), returnAll: [false] } },
		},
	];
}

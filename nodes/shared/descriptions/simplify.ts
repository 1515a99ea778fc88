import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

export function simplifyField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions,
	};
}

/** Keep only the named fields (those present), in that order. */
export function pickFields(record: IDataObject, fields: readonly string[]): IDataObject {
	const result: IDataObject = {};
	for (const field of fields) if (record[field] !== undefined) result[field] = record[field];
	return result;
}

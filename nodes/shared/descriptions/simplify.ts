import { updateDisplayOptions } from 'n8n-workflow';
import type { IDisplayOptions, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import type { SimplifyTable } from '../helpers/views';

export function simplifyField(displayOptions: IDisplayOptions = {}, on = true): INodeProperties {
	const field: INodeProperties = {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions,
	};
	return on ? field : { ...field, default: false };
}

function shows(property: INodeProperties, resource: string, operation?: string): boolean {
	const show = property.displayOptions?.show ?? {};
	if (!show.resource?.includes(resource)) return false;
	return operation === undefined ? property.name === 'operation' : (show.operation?.includes(operation) ?? false);
}

function lastIndex(properties: INodeProperties[], matches: (property: INodeProperties) => boolean): number {
	for (let i = properties.length - 1; i >= 0; i--) if (matches(properties[i])) return i;
	return -1;
}

/**
 * The Simplify field(s) of one operation. On from `onFrom`; a node version older than that gets
 * its own field, off by default, so workflows saved with it keep their raw output.
 */
function simplifyFields(resource: string, operation: string, onFrom: number, firstVersion: number): INodeProperties[] {
	const fields =
		onFrom <= firstVersion
			? [simplifyField()]
			: [
					simplifyField({ show: { '@version': [{ _cnd: { lt: onFrom } }] } }, false),
					simplifyField({ show: { '@version': [{ _cnd: { gte: onFrom } }] } }, true),
				];
	return updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, fields);
}

/**
 * The node's properties with a Simplify field for every operation of the table, placed after that
 * operation's last field (after its operation selector when it has none).
 */
export function withSimplifyFields(
	properties: INodeProperties[],
	table: SimplifyTable,
	versions: number | number[],
): INodeProperties[] {
	const firstVersion = Math.min(...(Array.isArray(versions) ? versions : [versions]));
	const result = [...properties];
	for (const [resource, operations] of Object.entries(table)) {
		for (const [operation, { onFrom }] of Object.entries(operations)) {
			let at = lastIndex(result, (property) => shows(property, resource, operation));
			if (at < 0) at = lastIndex(result, (property) => shows(property, resource));
			// Not found (a table typo, caught by the unit test): at the end, still shown for the operation.
			result.splice(at < 0 ? result.length : at + 1, 0, ...simplifyFields(resource, operation, onFrom, firstVersion));
		}
	}
	return result;
}

/** A node's description with the Simplify fields of its table (versions read from the description). */
export function withSimplify(table: SimplifyTable, description: INodeTypeDescription): INodeTypeDescription {
	return { ...description, properties: withSimplifyFields(description.properties, table, description.version) };
}

/**
 * What each node shows, resolved: for every node, version, resource and operation, the fields
 * the editor displays in order (each without its displayOptions, plus any condition on other
 * fields). Two descriptions with the same dump look and behave the same to a user and a saved
 * workflow, however their displayOptions are written.
 */
import type { IDisplayOptions, INodeProperties, INodeType, NodeParameterValue } from 'n8n-workflow';

type Values = { resource?: string; operation?: string; '@version': number };
type Condition = NodeParameterValue | { _cnd: Record<string, unknown> };

const RESOLVED = ['resource', 'operation', '@version'] as const;

function matches(condition: Condition, value: unknown): boolean {
	if (condition && typeof condition === 'object' && '_cnd' in condition) {
		const [[op, to]] = Object.entries(condition._cnd);
		const v = value as number;
		const n = to as number;
		if (op === 'eq') return v === n;
		if (op === 'not') return v !== n;
		if (op === 'gte') return v >= n;
		if (op === 'lte') return v <= n;
		if (op === 'gt') return v > n;
		if (op === 'lt') return v < n;
		if (op === 'between') return v >= (to as { from: number }).from && v <= (to as { to: number }).to;
		throw new Error(`condition ${op} not handled by the dump`);
	}
	return condition === value;
}

/** Shown for these values? Conditions on other fields are left open (reported as `when`). */
export function shown(options: IDisplayOptions | undefined, values: Values): boolean {
	for (const key of RESOLVED) {
		const show = options?.show?.[key] as Condition[] | undefined;
		if (show && !show.some((c) => matches(c, values[key]))) return false;
		const hide = options?.hide?.[key] as Condition[] | undefined;
		if (hide?.some((c) => matches(c, values[key]))) return false;
	}
	return true;
}

function sorted(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sorted);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
		);
	}
	return value;
}

/** The field as the user gets it: everything but how its visibility is written. */
function resolvedField(property: INodeProperties): unknown {
	const { displayOptions, ...rest } = property;
	const when: Record<string, unknown> = {};
	for (const kind of ['show', 'hide'] as const) {
		for (const [key, value] of Object.entries(displayOptions?.[kind] ?? {})) {
			if (!(RESOLVED as readonly string[]).includes(key)) when[`${kind}.${key}`] = value;
		}
	}
	return sorted(Object.keys(when).length ? { ...rest, when } : rest);
}

function selectorValues(properties: INodeProperties[], name: string, values: Values): string[] {
	return properties
		.filter((p) => p.name === name && shown(p.displayOptions, values))
		.flatMap((p) => (p.options ?? []).map((o) => String((o as { value: unknown }).value)));
}

export function dumpNode(node: INodeType): Record<string, unknown> {
	const { properties, version } = node.description;
	const out: Record<string, unknown> = {};
	for (const v of Array.isArray(version) ? version : [version]) {
		const base: Values = { '@version': v };
		const resources = selectorValues(properties, 'resource', base);
		for (const resource of resources.length ? resources : [undefined]) {
			const operations = selectorValues(properties, 'operation', { ...base, resource });
			for (const operation of operations.length ? operations : [undefined]) {
				const values = { ...base, resource, operation };
				const fields = properties
					.filter((p) => p.name !== 'resource' && p.name !== 'operation' && shown(p.displayOptions, values))
					.map(resolvedField);
				out[`${v} ${resource ?? '-'}/${operation ?? '-'}`] = fields;
			}
		}
		// The selectors themselves, resolved per resource.
		out[`${v} selectors`] = properties
			.filter((p) => p.name === 'resource' || p.name === 'operation')
			.map((p) => ({
				...(resolvedField(p) as object),
				for: resources.filter((r) => shown(p.displayOptions, { ...base, resource: r })),
			}));
	}
	return out;
}

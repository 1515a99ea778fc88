import type { IDataObject } from 'n8n-workflow';

// Simplify, the one output-shaping mechanism of every action node: each node declares, per
// resource and operation, the view of what that operation returns (`SimplifyTable`); the shared
// router applies it after the operation ran (nodes/shared/router.ts) and the Simplify field is
// added to the operation's fields from the same table (nodes/shared/descriptions/simplify.ts).

/** The simplified form of one record: the few fields a person or an AI agent needs. */
export type RecordView = (record: IDataObject) => IDataObject;

export interface SimplifiedOperation {
	view: RecordView;
	/**
	 * First node version in which Simplify is on by default. Older versions default to off (raw):
	 * n8n saves only non-default values, so a saved node keeps returning what it returned.
	 */
	onFrom: number;
}

/** resource → operation → how its records are simplified. */
export type SimplifyTable = Record<string, Record<string, SimplifiedOperation>>;

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keep only the named fields (those present), in that order. */
export function pickFields(record: IDataObject, fields: readonly string[]): IDataObject {
	const result: IDataObject = {};
	for (const field of fields) if (record[field] !== undefined) result[field] = record[field];
	return result;
}

export interface ViewOptions {
	/** Read the record first (e.g. older field names → today's). */
	normalize?: (record: IDataObject) => IDataObject;
	/** Fields holding records (or lists of them) that are simplified with their own view. */
	nested?: Record<string, RecordView>;
}

/**
 * A view keeping `fields` in that order. The convention everywhere: `id` first, then the display
 * ID or name, then the status, then the rest; fields a record does not have are left out.
 */
/** Flags the node itself sets on a result; every view keeps them (reconcile.ts sets `recovered`). */
const NODE_FLAGS = ['recovered'];

export function recordView(fields: readonly string[], options: ViewOptions = {}): RecordView {
	return (record) => {
		const picked = pickFields(options.normalize ? options.normalize(record) : record, [...fields, ...NODE_FLAGS]);
		for (const [field, view] of Object.entries(options.nested ?? {})) {
			const value = picked[field];
			if (Array.isArray(value)) picked[field] = value.map((entry) => (isRecord(entry) ? view(entry) : entry));
			else if (isRecord(value)) picked[field] = view(value);
		}
		return picked;
	};
}

/** The same view, also keeping fields an operation adds to the record (after the view's own). */
export function withFields(view: RecordView, fields: readonly string[]): RecordView {
	return (record) => ({ ...view(record), ...pickFields(record, fields) });
}

/**
 * A node's table: every view listed is on by default from `onFrom`; an entry given as
 * `{ view, onFrom }` keeps its own version (an operation that already simplified by default).
 */
export function simplifyTable(
	onFrom: number,
	views: Record<string, Record<string, RecordView | SimplifiedOperation>>,
): SimplifyTable {
	const table: SimplifyTable = {};
	for (const [resource, operations] of Object.entries(views)) {
		table[resource] = {};
		for (const [operation, entry] of Object.entries(operations)) {
			table[resource][operation] = typeof entry === 'function' ? { view: entry, onFrom } : entry;
		}
	}
	return table;
}

/** Apply a view to what an operation returned: one record, a list, or output items (json only). */
export function simplifyResult<T>(result: T, view: RecordView): T {
	const one = (entry: unknown): unknown => {
		if (!isRecord(entry)) return entry;
		// An output item (json + binary): simplify its json, keep the rest.
		if (isRecord(entry.json) && Object.keys(entry).every((key) => ITEM_KEYS.has(key))) {
			return { ...entry, json: view(entry.json) };
		}
		return view(entry);
	};
	return (Array.isArray(result) ? result.map(one) : one(result)) as T;
}

const ITEM_KEYS = new Set(['json', 'binary', 'pairedItem', 'error']);

/**
 * The Miner field tables (nodes/IFlowMiner/actions/<resource>/fields.ts) against the spec the
 * emulator serves (/miner/openapi.json in the `full` and `documented` profiles, built from
 * test/emulator/spec/), so the tables and the API reference cannot drift apart: every body field
 * exists with a matching type and the same enum values, every Get Many filter is a query
 * parameter of the list, and a filter is marked inferred exactly when the reference leaves it out.
 */
import { startEmulator } from '../../helpers/emulator';
import type { EmulatorHandle } from '../../helpers/emulator';
import { ROLE_ALIASES, ROLES } from '../../../nodes/IFlowMiner/helpers/enums';
import {
	apiKey,
	bodySpecs,
	filterSpecs,
	inferredFilterKeys,
	updateSpecs,
} from '../../../nodes/IFlowMiner/helpers/fieldTable';
import type { MinerField } from '../../../nodes/IFlowMiner/helpers/fieldTable';
import type { FieldSpec } from '../../../nodes/IFlowMiner/helpers/values';
import { ORDER_FIELDS } from '../../../nodes/IFlowMiner/actions/order/fields';
import { ORDER, SAMPLE, SUBJECT } from '../../../nodes/IFlowMiner/actions/records';
import type { RecordKind } from '../../../nodes/IFlowMiner/actions/records';
import { SAMPLE_FIELDS } from '../../../nodes/IFlowMiner/actions/sample/fields';
import { SUBJECT_FIELDS } from '../../../nodes/IFlowMiner/actions/subject/fields';

interface Schema {
	$ref?: string;
	allOf?: Schema[];
	anyOf?: Schema[];
	enum?: string[];
	type?: string | string[];
	format?: string;
	items?: Schema;
	properties?: Record<string, Schema>;
}
interface Parameter {
	name: string;
	in: string;
	schema?: Schema;
}
interface Operation {
	parameters?: Parameter[];
	requestBody?: { content: Record<string, { schema: Schema }> };
}
type Method = 'get' | 'post' | 'put' | 'patch';
type PathItem = Partial<Record<Method, Operation>> & { parameters?: Parameter[] };
interface Doc {
	paths: Record<string, PathItem>;
	components: { schemas: Record<string, Schema> };
}

let emu: EmulatorHandle;
const docs: Record<'full' | 'documented', Doc> = {} as never;

beforeAll(async () => {
	emu = await startEmulator({ profile: 'full' });
	const read = async () => (await (await fetch(`${emu.url}/miner/openapi.json`)).json()) as Doc;
	docs.full = await read();
	await emu.setProfile('documented');
	docs.documented = await read();
});
afterAll(async () => await emu?.stop());

/** A schema with its `$ref` and one-element `allOf` followed. */
function resolve(doc: Doc, schema: Schema): Schema {
	if (schema.$ref) return resolve(doc, doc.components.schemas[String(schema.$ref).split('/').pop()!]);
	if (schema.allOf?.length === 1) return resolve(doc, { ...schema.allOf[0], ...schema, allOf: undefined });
	return schema;
}

/** Current values and legacy spellings of an enum schema (`anyOf: [current, legacy]`). */
function enumOf(doc: Doc, schema: Schema): { current: string[]; legacy: string[] } {
	const resolved = resolve(doc, schema);
	if (resolved.anyOf) {
		const [current, legacy] = resolved.anyOf.map((part) => resolve(doc, part).enum ?? []);
		return { current, legacy };
	}
	return { current: resolved.enum ?? [], legacy: [] };
}

const types = (schema: Schema): string[] => [schema.type ?? []].flat();

/** The spec's schema of a field fits the field's kind (and its enum values, aliases included). */
function expectFits(
	doc: Doc,
	spec: FieldSpec,
	field: MinerField,
	property: Schema | undefined,
	accepts: string[] = [],
) {
	expect({ field: spec.key, defined: property !== undefined }).toEqual({ field: spec.key, defined: true });
	const schema = resolve(doc, property!);
	const where = `${spec.key} (${spec.kind})`;
	switch (spec.kind) {
		case 'enum': {
			const { current, legacy } = enumOf(doc, schema);
			expect([where, field.values]).toEqual([where, current]);
			expect([where, [...Object.keys(field.aliases ?? {}), ...accepts].sort()]).toEqual([where, [...legacy].sort()]);
			break;
		}
		case 'tags':
			expect([where, types(schema), schema.items?.type]).toEqual([where, ['array'], 'string']);
			break;
		case 'json':
			expect([where, types(schema)]).toEqual([where, ['object']]);
			break;
		case 'id':
			expect([where, types(schema)[0], schema.format]).toEqual([where, 'string', 'uuid']);
			break;
		default:
			expect([where, types(schema)[0]]).toEqual([where, 'string']);
			if (spec.kind === 'date' && schema.format) expect([where, schema.format]).toEqual([where, 'date']);
	}
}

const byParam = (table: readonly MinerField[]) => new Map(table.map((field) => [field.param, field]));

function bodySchema(doc: Doc, path: string, method: string): Schema {
	const operation = doc.paths[`/api/v1${path}`][method.toLowerCase() as Method];
	return resolve(doc, operation?.requestBody?.content['application/json'].schema ?? {});
}

function listParameters(doc: Doc, kind: RecordKind): Map<string, Parameter> {
	const item = doc.paths[`/api/v1${kind.path}`];
	const parameters = [...(item.parameters ?? []), ...(item.get?.parameters ?? [])];
	return new Map(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
}

const RESOURCES: Array<[string, RecordKind, readonly MinerField[], string]> = [
	['subject', SUBJECT, SUBJECT_FIELDS, '/subjects/{subject_id}'],
	['sample', SAMPLE, SAMPLE_FIELDS, '/samples/{sample_id}'],
	['order', ORDER, ORDER_FIELDS, '/orders/{order_id}'],
];

describe.each(RESOURCES)('%s table', (_name, kind, table, itemPath) => {
	const fields = byParam(table);

	test('Additional Fields: each is a field of the create body, with the same type and values', () => {
		const schema = bodySchema(docs.full, kind.path, 'POST');
		for (const spec of bodySpecs(table)) {
			expectFits(docs.full, spec, fields.get(spec.param)!, schema.properties?.[spec.key]);
		}
	});

	test(`Update Fields: each is a field of the ${kind.updateMethod} body, with the same type and values`, () => {
		const schema = bodySchema(docs.full, itemPath, kind.updateMethod);
		for (const spec of updateSpecs(table)) {
			expectFits(docs.full, spec, fields.get(spec.param)!, schema.properties?.[spec.key]);
		}
	});

	test('Filters: each is a query parameter of the list; inferred exactly when the reference leaves it out', () => {
		const full = listParameters(docs.full, kind);
		const documented = listParameters(docs.documented, kind);
		const inferred = inferredFilterKeys(table);
		for (const spec of filterSpecs(table)) {
			const field = fields.get(spec.param)!;
			expectFits(docs.full, spec, field, full.get(spec.key)?.schema, [...(field.filter?.accepts ?? [])]);
			if (spec.key === 'search') continue; // always matched here too (actions/records.ts)
			expect([spec.key, inferred.includes(spec.key)]).toEqual([spec.key, !documented.has(spec.key)]);
		}
	});

	test('parameter names map to the API names', () => {
		for (const field of table) expect(apiKey(field.param)).toMatch(/^[a-z]+(_[a-z]+)*$/);
	});
});

test("roles of a sample on an order are the spec's SampleRole values (with the accepted alias)", () => {
	const link = bodySchema(docs.full, '/orders/{order_id}/samples/{sample_id}', 'POST');
	const served = enumOf(docs.full, link.properties?.role ?? {}).current;
	expect([...served].sort()).toEqual([...ROLES, ...Object.keys(ROLE_ALIASES)].sort());
});

// Simplify, checked the same way on every node: for each operation of the node's table, the new
// version simplifies by default (the view of the raw record, id first), Simplify off gives the raw
// record, and a workflow saved with the older version keeps what it returned (raw, unless that
// operation already simplified by default in the older version).
import type { IDataObject, INodeExecutionData, INodeParameters, INodeType, INodeTypeDescription } from 'n8n-workflow';

import type { SimplifyTable } from '../../nodes/shared/helpers';
import { runNode } from '../helpers/engine';
import type { EmulatorHandle } from '../helpers/emulator';

export interface SimplifyCase {
	/** Records the operation reads, made once per test through the API. */
	setup?: (emu: EmulatorHandle) => Promise<Record<string, string>>;
	/** Parameters of one run; called before each of the three runs (`run` = 1, 2, 3). */
	parameters: (
		made: Record<string, string>,
		run: number,
		emu: EmulatorHandle,
	) => INodeParameters | Promise<INodeParameters>;
	/** The field a simplified record starts with (default `id`). */
	firstKey?: string;
	/** Each run writes (creates, changes): compare the fields, not their values. */
	writes?: boolean;
	/** The emulator answers only fields the view keeps (Simplify has nothing to leave out there). */
	small?: boolean;
	items?: IDataObject[] | INodeExecutionData[];
}

/** The node as a workflow saved with an older version loads it. */
export function atVersion<T extends INodeType>(node: T, version: number): T {
	const older = Object.assign(Object.create(Object.getPrototypeOf(node) as object) as T, node);
	older.description = { ...node.description, version } as INodeTypeDescription;
	return older;
}

const keysOf = (records: IDataObject[]) => records.map((record) => Object.keys(record));

export function describeSimplify(options: {
	node: INodeType;
	table: SimplifyTable;
	/** The newest version before Simplify was on by default. */
	oldVersion: number;
	emulator: () => EmulatorHandle;
	/** `resource.operation` → how to run it. */
	cases: Record<string, SimplifyCase>;
}) {
	const { node, table, oldVersion, emulator, cases } = options;
	const older = atVersion(node, oldVersion);
	const operations = Object.entries(table).flatMap(([resource, ops]) =>
		Object.keys(ops).map((op) => `${resource}.${op}`),
	);

	test('every operation with a Simplify view has a case here', () => {
		expect(Object.keys(cases).sort()).toEqual(operations.sort());
	});

	test.each(Object.keys(cases))(
		`%s: simplified by default, raw with Simplify off, as before in version ${oldVersion}`,
		async (key) => {
			const emu = emulator();
			const spec = cases[key];
			const [resource, operation] = key.split('.');
			const { view, onFrom } = table[resource][operation];
			const made = spec.setup ? await spec.setup(emu) : {};
			const once = async (target: INodeType, run: number, extra: IDataObject = {}) => {
				const parameters = { ...(await spec.parameters(made, run, emu)), ...extra } as INodeParameters;
				const result = await runNode({ node: target, parameters, items: spec.items, credentials: emu.credentials() });
				expect(result.error?.message).toBeUndefined();
				expect(result.output.length).toBeGreaterThan(0);
				return result.output.map((item) => item.json);
			};
			const simplified = await once(node, 1);
			const raw = await once(node, 2, { simplify: false });
			const saved = await once(older, 3);

			if (spec.writes) expect(keysOf(simplified)).toEqual(keysOf(raw.map(view)));
			else expect(simplified).toEqual(raw.map(view));
			for (const record of simplified) expect(Object.keys(record)[0]).toBe(spec.firstKey ?? 'id');
			// Raw is the whole record: more than the view keeps.
			if (!spec.small) expect(Object.keys(raw[0]).length).toBeGreaterThan(Object.keys(simplified[0]).length);
			expect(keysOf(saved)).toEqual(keysOf(onFrom <= oldVersion ? simplified : raw));
		},
	);
}

// Simplify, checked the same way on every node: for each operation of the node's table, the new
// version simplifies by default (the view of the raw record, id first), Simplify off gives the raw
// record, and a workflow saved with the older version keeps what it returned (raw, unless that
// operation already simplified by default in the older version). On a server with only the
// published reference, an operation that needs more fails with the clear "not offered" error
// whatever Simplify says (docs/api-contract.md).
import type { IDataObject, INodeExecutionData, INodeParameters, INodeType, INodeTypeDescription } from 'n8n-workflow';

import type { SimplifyTable } from '../../nodes/shared/helpers';
import type { EmulatorHandle } from '../helpers/emulator';
import { nodeRunner, useEmulator } from '../helpers/suite';
import { SUITE_PROFILE } from './profile';

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
	/**
	 * The operation needs a route beyond the published reference, named as its "not offered" error
	 * names it (`GET /reports (report service)`): in the documented profile every run fails with it.
	 */
	beyondReference?: string;
}

/** The node as a workflow saved with an older version loads it. */
export function atVersion<T extends INodeType>(node: T, version: number): T {
	const older = Object.assign(Object.create(Object.getPrototypeOf(node) as object) as T, node);
	older.description = { ...node.description, version } as INodeTypeDescription;
	return older;
}

const keysOf = (records: IDataObject[]) => records.map((record) => Object.keys(record));

/** `describe('<title> › Simplify')` with its own emulator (started with `emulator` options). */
export function describeSimplify(
	title: string,
	options: {
		node: INodeType;
		table: SimplifyTable;
		/** The newest version before Simplify was on by default. */
		oldVersion: number;
		emulator?: Parameters<typeof useEmulator>[0];
		/** `resource.operation` → how to run it. */
		cases: Record<string, SimplifyCase>;
	},
) {
	const { node, table, oldVersion, cases } = options;
	const operations = Object.entries(table).flatMap(([resource, ops]) =>
		Object.keys(ops).map((op) => `${resource}.${op}`),
	);
	const notOffered = (key: string) => SUITE_PROFILE === 'documented' && cases[key].beyondReference !== undefined;
	const offered = Object.keys(cases).filter((key) => !notOffered(key));
	const refused = Object.keys(cases).filter(notOffered);

	describe(`${title} › Simplify`, () => {
		const emulator = useEmulator(options.emulator);
		const runNew = nodeRunner(node);
		const runOld = nodeRunner(atVersion(node, oldVersion));

		/** The three runs of a case: simplified by default, Simplify off, the older version's default. */
		async function runThree(key: string) {
			const emu = emulator();
			const spec = cases[key];
			const made = spec.setup ? await spec.setup(emu) : {};
			const once = async (run: number, extra: IDataObject = {}) => {
				const parameters = { ...(await spec.parameters(made, run, emu)), ...extra } as INodeParameters;
				return await (run === 3 ? runOld : runNew)(emu, parameters, { items: spec.items });
			};
			return [await once(1), await once(2, { simplify: false }), await once(3)];
		}

		test('every operation with a Simplify view has a case here', () => {
			expect(Object.keys(cases).sort()).toEqual(operations.sort());
		});

		if (offered.length)
			test.each(offered)(
				`%s: simplified by default, raw with Simplify off, as before in version ${oldVersion}`,
				async (key) => {
					const spec = cases[key];
					const [resource, operation] = key.split('.');
					const { view, onFrom } = table[resource][operation];
					const [simplified, raw, saved] = (await runThree(key)).map((result) => {
						expect(result.error?.message).toBeUndefined();
						expect(result.output.length).toBeGreaterThan(0);
						return result.output.map((item) => item.json);
					});

					if (spec.writes) expect(keysOf(simplified)).toEqual(keysOf(raw.map(view)));
					else expect(simplified).toEqual(raw.map(view));
					for (const record of simplified) expect(Object.keys(record)[0]).toBe(spec.firstKey ?? 'id');
					// Raw is the whole record: more than the view keeps.
					if (!spec.small) expect(Object.keys(raw[0]).length).toBeGreaterThan(Object.keys(simplified[0]).length);
					expect(keysOf(saved)).toEqual(keysOf(onFrom <= oldVersion ? simplified : raw));
				},
			);

		if (refused.length)
			test.each(refused)('%s: not offered by a server with only the reference, whatever Simplify says', async (key) => {
				for (const result of await runThree(key))
					expect(result.error?.message).toBe(`This iFlow server does not offer ${cases[key].beyondReference}`);
			});
	});
}

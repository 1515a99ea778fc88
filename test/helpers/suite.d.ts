import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import type { EmulatorHandle, EmulatorRequest, startEmulator } from './emulator';
import type { RunNodeOptions, RunNodeResult } from './engine';

/** One emulator per test file; fresh state, empty request log and no faults before each test. */
export declare function useEmulator(options?: Parameters<typeof startEmulator>[0]): () => EmulatorHandle;

/** useEmulator() as a handle usable at module level: `const emu = useEmulatorHandle();`. */
export declare function useEmulatorHandle(options?: Parameters<typeof startEmulator>[0]): EmulatorHandle;

export type RunOptions = Omit<RunNodeOptions, 'node' | 'parameters' | 'credentials'> & {
	/** Overrides for the emulator's credentials. */
	credentials?: Record<string, unknown>;
};

export type NodeRun = (
	emu: EmulatorHandle,
	parameters: Record<string, unknown>,
	options?: RunOptions,
) => Promise<RunNodeResult>;

/** `run(emu, parameters, options)` for one node type, with the emulator's credentials. */
export declare function nodeRunner(node: INodeType): NodeRun;

/** A resource locator value "By ID". */
export declare function byId(value: string): IDataObject & { __rl: true; mode: 'id'; value: string };

/** Node parameters for one operation: resource, operation, the fixed ones and `extra`. */
export declare function operationParams(
	resource: string,
	operation: string,
	fixed?: Record<string, unknown>,
): (extra?: Record<string, unknown>) => INodeParameters;

/** The same with the record's id in `idField` (e.g. 'orderId'): `params(id, extra)`. */
export declare function operationWithId(
	resource: string,
	operation: string,
	idField: string,
): (id: unknown, extra?: Record<string, unknown>) => INodeParameters;

/** The first logged request matching `filter`; its path must be `path` (one assertion). */
export declare function expectRequest(
	emu: EmulatorHandle,
	filter: Parameters<EmulatorHandle['requests']>[0],
	path: string,
): Promise<EmulatorRequest>;

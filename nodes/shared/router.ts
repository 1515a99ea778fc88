import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { redactText } from './transport/redact';

export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[] | INodeExecutionData;

/** One `actions/<resource>/<operation>.operation.ts` module. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

export type OperationMap = Record<string, Record<string, OperationModule>>;

export interface RouteOptions {
	/** Items processed at once; output order is kept. Default 1 (one after another). */
	concurrency?: number;
}

function isExecutionData(value: unknown): value is INodeExecutionData {
	return (
		typeof value === 'object' &&
		value !== null &&
		'json' in value &&
		typeof (value as INodeExecutionData).json === 'object'
	);
}

/** Wrap what an operation returned as output items paired with the input item. */
export function toOutputItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	// One allocation per plain record: Get Many can return tens of thousands.
	return list.map((entry) => {
		if (!isExecutionData(entry)) return { json: entry as IDataObject, pairedItem: { item: itemIndex } };
		return entry.pairedItem ? entry : { ...entry, pairedItem: { item: itemIndex } };
	});
}

/** The one error-normalisation path: only NodeApiError / NodeOperationError leave a node. */
export function toNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	const message = redactText(error instanceof Error ? error.message : String(error));
	return new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

function errorItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
	toErrorOutput: boolean,
): INodeExecutionData {
	if (toErrorOutput) {
		// n8n moves an item to the error output only if its json has no keys but error/message
		// (1.x: exactly these two); the paired input's fields are merged in by n8n.
		const code = error instanceof NodeApiError && error.httpCode ? ` (HTTP ${error.httpCode})` : '';
		return {
			json: { error: error.message, message: `${error.description ?? error.message}${code}` },
			pairedItem: { item: itemIndex },
		};
	}
	// What the operation had done before it failed (e.g. an order created, some samples linked).
	const partial = error.context?.partial;
	const json: IDataObject = { ...(partial && typeof partial === 'object' ? (partial as IDataObject) : {}) };
	json.error = error.message;
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

async function runItem(
	ctx: IExecuteFunctions,
	operations: OperationMap,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const resource = ctx.getNodeParameter('resource', itemIndex) as string;
	const operation = ctx.getNodeParameter('operation', itemIndex) as string;
	const module = operations[resource]?.[operation];
	try {
		if (!module) {
			throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
				itemIndex,
			});
		}
		return toOutputItems(await module.execute.call(ctx, itemIndex), itemIndex);
	} catch (error) {
		const nodeError = toNodeError(ctx, error, itemIndex);
		if (ctx.continueOnFail()) return [errorItem(nodeError, itemIndex, ctx.getNode().onError === 'continueErrorOutput')];
		throw nodeError;
	}
}

/**
 * The item loop of every action node: dispatch each input item to its operation, pair every
 * output with its input, and turn failures into error items under Continue On Fail.
 */
export async function routeItems(
	this: IExecuteFunctions,
	operations: OperationMap,
	options: RouteOptions = {},
): Promise<INodeExecutionData[][]> {
	const count = this.getInputData().length;
	const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
	const results: INodeExecutionData[][] = new Array(count);

	if (concurrency === 1) {
		for (let i = 0; i < count; i++) results[i] = await runItem(this, operations, i);
	} else {
		let next = 0;
		let firstError: { error: unknown; itemIndex: number } | undefined;
		const worker = async () => {
			while (next < count && !firstError) {
				const i = next++;
				try {
					results[i] = await runItem(this, operations, i);
				} catch (error) {
					firstError ??= { error, itemIndex: i }; // stop taking new items
				}
			}
		};
		await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
		if (firstError) throw toNodeError(this, firstError.error, firstError.itemIndex);
	}
	return [results.flat()];
}

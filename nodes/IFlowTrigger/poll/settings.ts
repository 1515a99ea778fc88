import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { isNotFound, redactText } from '../../shared/transport';

import type { TriggerEvent } from '../helpers/events';
import type { TriggerState } from './state';
import { saveState } from './state';

export interface Settings {
	event: TriggerEvent;
	projectId: string;
	/** "Fetch Test Event": the latest matching item, state untouched. */
	manual: boolean;
	emitExisting: boolean;
	/** The node's static data and the key its state belongs to. */
	data: IDataObject;
	key: string;
	/** The state of the previous poll; undefined on a first activation. */
	stored?: TriggerState;
}

export const param = (ctx: IPollFunctions, name: string, fallback: unknown): unknown =>
	ctx.getNodeParameter(name, fallback, { extractValue: true });

/** Written only after every read of the poll succeeded (callers save last). */
export function commit(s: Settings, state: TriggerState): void {
	saveState(s.data, s.key, state);
}

/** Something the user should know that is not a failure of this poll (n8n's log). */
export function warn(ctx: IPollFunctions, message: string): void {
	ctx.logger?.warn(`iFlow Trigger "${ctx.getNode().name}": ${message}`);
}

/** Parallel reads per batch: fast enough for a backlog, gentle on Flow. */
export const CONCURRENCY = 5;

/** `fn` over `inputs`, CONCURRENCY at a time, results in input order. */
export async function inBatches<I, O>(inputs: I[], fn: (input: I) => Promise<O>): Promise<O[]> {
	const out: O[] = [];
	for (let start = 0; start < inputs.length; start += CONCURRENCY) {
		out.push(...(await Promise.all(inputs.slice(start, start + CONCURRENCY).map(fn))));
	}
	return out;
}

/** A 404 naming the record ("Order not found"): the record is gone. A missing route says "does not offer". */
export function isRecordNotFound(error: unknown): boolean {
	return isNotFound(error) && !/does not offer/.test((error as Error).message);
}

/** Errors leave a poll as NodeApiError/NodeOperationError, never swallowed. */
export function asNodeError(ctx: IPollFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), redactText(error instanceof Error ? error.message : String(error)));
}

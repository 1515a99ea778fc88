import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { redactText } from '../../shared/transport';
import type { FeedCursor } from '../helpers/cursor';
import { readStoredCursor } from '../helpers/cursor';

/** Used when the engine does not report a poll budget (the 1.x line). */
export const DEFAULT_POLL_BUDGET_MS = 30_000;

/**
 * When to stop fetching further pages. Only part of the budget goes to paging: the entity reads
 * of the last page and n8n's hand-off must fit in the rest.
 */
export function pollDeadline(ctx: IPollFunctions, now = Date.now()): number {
	const reported = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : undefined;
	const budget = typeof reported === 'number' && reported >= 0 ? reported : DEFAULT_POLL_BUDGET_MS;
	return now + budget * 0.6;
}

/** The cursor stored for this node, if it belongs to the same event/project/path (`key`). */
export function loadCursor(state: IDataObject, key: string): FeedCursor | undefined {
	if (state.cursorKey !== key) return undefined;
	return readStoredCursor(state.cursor);
}

export function saveCursor(state: IDataObject, key: string, cursor: FeedCursor): void {
	state.cursorKey = key;
	state.cursor = { time: cursor.time, ids: [...cursor.ids] };
}

export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/** Errors leave a poll as NodeApiError/NodeOperationError, never swallowed. */
export function asNodeError(ctx: IPollFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), redactText(error instanceof Error ? error.message : String(error)));
}

import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toNodeError } from '../../../shared/router';
import { allowedMoves, currentStatus, STATUS_NAMES } from '../../helpers/enums';
import { displayIdOf } from '../../helpers/views';
import { ORDER, recordId } from '../records';
import { minerRequest } from '../../helpers/request';

/** Options shared by Transition and Cancel. */
export function moveOptions(): INodeProperties {
	return optionsCollection(
		[
			{
				displayName: 'Comment',
				name: 'comment',
				type: 'string',
				default: '',
				description: "Why the order moves; kept in the order's history",
			},
			{
				displayName: 'Fail If Already in Status',
				name: 'failIfAlreadyInStatus',
				type: 'boolean',
				default: false,
				description:
					'Whether to fail when the order is already in the requested status. Off: that counts as success and the output has alreadyInStatus = true.',
			},
		],
		'moveOptions',
	);
}

function describeMoves(moves: string[]): string {
	const forward = moves.filter((m) => m !== 'cancelled').map((m) => `${m} (${STATUS_NAMES[m] ?? m})`);
	const parts = [...forward];
	if (moves.includes('cancelled')) parts.push('cancelled (use the Cancel operation)');
	return parts.length ? parts.join(', ') : 'none — the order is in a final status or waits for report sign-off';
}

function refusalText(target: string): string {
	return target === 'cancelled'
		? 'Cancelling an order needs the project Admin role.'
		: `Moving an order to ${target} needs the project Editor (Contributor) role or higher and being the assignee of the order's current labflow stage (or the orders:write_any permission).`;
}

/**
 * POST /orders/{id}/transition with readable outcomes: already in the target status = success
 * flagged `alreadyInStatus` (unless the user asks to fail), an illegal move names the allowed
 * ones, a role refusal says which role is needed.
 */
export async function moveOrder(ctx: IExecuteFunctions, itemIndex: number, target: string): Promise<IDataObject> {
	const id = recordId(ctx, ORDER, itemIndex);
	const options = ctx.getNodeParameter('moveOptions', itemIndex, {}) as {
		comment?: string;
		failIfAlreadyInStatus?: boolean;
	};
	const body: IDataObject = { status: target };
	if (options.comment?.trim()) body.comment = options.comment.trim();
	try {
		const order = await minerRequest(ctx, {
			method: 'POST',
			path: `/orders/${id}/transition`,
			body,
			itemIndex,
		});
		return { ...order, alreadyInStatus: false };
	} catch (error) {
		if (!(error instanceof NodeApiError)) throw toNodeError(ctx, error, itemIndex);
		if (error.httpCode === '403') {
			error.message = `Permission denied: ${refusalText(target)}`;
			const detail = (error as { errorResponse?: IDataObject }).errorResponse?.detail;
			error.description = `iFlow refused to move order ${id} to ${target}${typeof detail === 'string' ? `: ${detail}` : '.'}`;
			throw toNodeError(ctx, error, itemIndex);
		}
		if (error.httpCode !== '409') throw toNodeError(ctx, error, itemIndex);
		const order = await minerRequest(ctx, {
			method: 'GET',
			path: `/orders/${id}`,
			itemIndex,
		}).catch(() => undefined);
		if (!order) throw toNodeError(ctx, error, itemIndex);
		const name = displayIdOf(order) ?? id;
		const from = currentStatus(order.status) ?? String(order.status);
		if (from === target) {
			if (!options.failIfAlreadyInStatus) return { ...order, alreadyInStatus: true };
			throw new NodeOperationError(ctx.getNode(), `Order ${name} is already ${target}`, {
				itemIndex,
				description: "Turn off the option 'Fail If Already in Status' to treat this as success.",
			});
		}
		error.message = `Order ${name} cannot move from ${from} to ${target}. Allowed moves: ${describeMoves(allowedMoves(order))}`;
		throw toNodeError(ctx, error, itemIndex);
	}
}

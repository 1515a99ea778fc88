import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { currentStatus, NO_MOVE, TRANSITION_TARGETS } from '../../helpers/enums';
import { kindLocator, operationFields } from '../recordOperations';
import { ORDER } from '../records';
import { moveOptions, moveOrder } from './move';

export const description: INodeProperties[] = operationFields(ORDER, 'transition', [
	kindLocator(ORDER),
	{
		displayName: 'Target Status Name or ID',
		name: 'targetStatus',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTransitionTargets', loadOptionsDependsOn: ['orderId.value'] },
		required: true,
		default: '',
		hint: "Lists the moves allowed from the order's current status. A completed or cancelled order cannot move; one in Sign Off is completed by signing its report (iFlow Report › Approve and Sign).",
		description:
			'Status to move the order to: analyzing, review or sign_off (the list shows the moves allowed from the order\'s current status). Older names ready_for_review and reviewed are accepted. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	moveOptions(),
]);

/** The target as a current-era status the Transition operation may request; anything else names the field. */
export function transitionTarget(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = String(ctx.getNodeParameter('targetStatus', itemIndex, '') ?? '').trim();
	const fail = (message: string): never => {
		throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
	};
	if (!raw) fail("'Target Status' is empty: choose the status to move the order to");
	if (raw === NO_MOVE) {
		fail(
			"'Target Status' holds no status: when the list was loaded, the order could not move (completed, cancelled, or waiting for its report to be signed). Choose an order that can still move, then a status from the list.",
		);
	}
	const target = currentStatus(raw);
	if (!target) fail(`'Target Status' must be one of ${TRANSITION_TARGETS.join(', ')}; got "${raw}"`);
	if (target === 'cancelled') fail("'Target Status': to cancel an order use the Cancel operation");
	if (target === 'completed') {
		fail(
			"'Target Status': an order is completed by signing its report (iFlow Report › Approve and Sign), not by Transition",
		);
	}
	if (target === 'created') fail("'Target Status': an order cannot go back to created");
	return target as string;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = transitionTarget(this, itemIndex);
	return await moveOrder(this, itemIndex, target);
}

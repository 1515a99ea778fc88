import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { UUID_PATTERN } from '../../shared/descriptions';
import { allowedMoves, currentStatus, STATUS_NAMES, TRANSITION_TARGETS } from '../helpers/enums';
import { minerRequest } from '../helpers/request';

const option = (status: string, description: string): INodePropertyOptions => ({
	name: STATUS_NAMES[status] ?? status,
	value: status,
	description,
});

/**
 * Target statuses for Transition: the moves legal from the chosen order's current status, or
 * every target when the order is not known yet (expression, empty, unreadable).
 */
export async function getTransitionTargets(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const all = TRANSITION_TARGETS.map((status) => option(status, `Move the order to ${status}`));
	let orderId = '';
	try {
		orderId = String(this.getCurrentNodeParameter('orderId', { extractValue: true }) ?? '').trim();
	} catch {
		return all;
	}
	if (!UUID_PATTERN.test(orderId)) return all;
	let order: IDataObject;
	try {
		order = await minerRequest(this, {
			method: 'GET',
			path: `/orders/${orderId}`,
		});
	} catch {
		return all;
	}
	const from = currentStatus(order.status) ?? String(order.status);
	return allowedMoves(order)
		.filter((status) => (TRANSITION_TARGETS as readonly string[]).includes(status))
		.map((status) => option(status, `Allowed from ${from}`));
}

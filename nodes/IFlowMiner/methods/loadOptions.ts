import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { UUID_PATTERN } from '../../shared/descriptions';
import { allowedMoves, currentStatus, NO_MOVE, STATUS_NAMES, TRANSITION_TARGETS } from '../helpers/enums';
import { minerRequest } from '../helpers/request';
import { displayIdOf } from '../helpers/views';

const option = (status: string, description: string): INodePropertyOptions => ({
	name: STATUS_NAMES[status] ?? status,
	value: status,
	description,
});

/**
 * The list's only entry when the order has nowhere to go, so the user reads why instead of
 * "No data". n8n 2.x greys out `disabled` entries; where it does not, picking it fails at once.
 */
function noMove(order: IDataObject, from: string): INodePropertyOptions {
	const name = `Order ${displayIdOf(order) ?? String(order.id ?? '')}`;
	const explain = (headline: string, description: string): INodePropertyOptions => ({
		name: `${name} ${headline}`,
		value: NO_MOVE,
		description,
		disabled: true,
	});
	if (from === 'completed' || from === 'cancelled') {
		return explain(`is ${from}: no further status`, 'A finished order never moves again; create a new order instead.');
	}
	if (from === 'sign_off') {
		return explain(
			'is in Sign Off: it is completed by signing its report',
			'Use iFlow Report › Approve and Sign (or Order › Cancel); Transition has no move from here.',
		);
	}
	return explain(`(${from}) has no status it can move to`, 'iFlow lists no further move for this order.');
}

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
	const moves = allowedMoves(order)
		.filter((status) => (TRANSITION_TARGETS as readonly string[]).includes(status))
		.map((status) => option(status, `Allowed from ${from}`));
	return moves.length ? moves : [noMove(order, from)];
}

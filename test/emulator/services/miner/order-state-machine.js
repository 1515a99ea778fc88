// @ts-check
// Order status graph (docs/flow-api.md §5.1). Pure: no I/O, no store access.

export const ORDER_STATUSES = ['created', 'analyzing', 'review', 'sign_off', 'completed', 'cancelled'];
export const TERMINAL_STATUSES = ['completed', 'cancelled'];

/** Read-only legacy values → current value (docs/flow-api.md §5.1 INFERRED mapping). */
export const LEGACY_STATUS_MAP = Object.freeze({
	ready_for_review: 'review',
	reviewed: 'sign_off',
	signed_off: 'completed',
	amended: 'completed',
});

/** Every edge of the graph, including sign_off → completed (only the report service takes it). */
const EDGES = Object.freeze({
	created: ['analyzing', 'cancelled'],
	analyzing: ['review', 'sign_off', 'cancelled'],
	review: ['sign_off', 'cancelled'],
	sign_off: ['completed', 'cancelled'],
	completed: [],
	cancelled: [],
});

/** Current-era value for a current or legacy status; undefined when unknown. */
export function normalizeStatus(status) {
	if (ORDER_STATUSES.includes(status)) return status;
	return LEGACY_STATUS_MAP[status];
}

/** Does a stored order status match a `status` list filter (current or legacy value)? */
export function statusMatchesFilter(stored, filter) {
	return stored === filter || normalizeStatus(stored) === normalizeStatus(filter);
}

/** Targets reachable through POST /orders/{id}/transition (completion is the report's job). */
export function allowedTransitions(status) {
	const from = normalizeStatus(status);
	return (from ? EDGES[from] : []).filter((to) => to !== 'completed');
}

/** Whether the report service may complete an order in this status. */
export function canComplete(status) {
	return normalizeStatus(status) === 'sign_off';
}

/**
 * Role needed for a legal move. Project roles: viewer < editor < admin.
 * Stage assignment is not modelled: an editor counts as holding `orders:write_any`.
 */
export function requiredRole(target) {
	return target === 'cancelled' || target === 'completed' ? 'admin' : 'editor';
}

const ROLE_RANK = { viewer: 0, editor: 1, admin: 2 };

export function roleAtLeast(role, needed) {
	return (ROLE_RANK[role] ?? -1) >= ROLE_RANK[needed];
}

function allowedSentence(from) {
	const moves = allowedTransitions(from);
	return moves.length ? `Allowed: ${moves.join(', ')}` : 'Allowed: none (terminal status)';
}

/**
 * Decide a /transition request.
 * @param {{from: string, requested: string, role: string}} input
 * @returns {{ok: true, from: string, to: string} | {ok: false, status: number, detail: string}}
 */
export function decideTransition({ from: rawFrom, requested, role }) {
	const from = normalizeStatus(rawFrom) ?? rawFrom;
	const to = normalizeStatus(requested);
	if (!to) return { ok: false, status: 422, detail: `Unknown order status '${requested}'` };
	if (to === 'completed' && from === 'sign_off') {
		return {
			ok: false,
			status: 409,
			detail: `Invalid transition from ${from} to ${to}: completion happens through report Approve-and-Sign. ${allowedSentence(from)}`,
		};
	}
	if (!allowedTransitions(from).includes(to)) {
		return { ok: false, status: 409, detail: `Invalid transition from ${from} to ${to}. ${allowedSentence(from)}` };
	}
	const needed = requiredRole(to);
	if (!roleAtLeast(role, needed)) {
		const what = to === 'cancelled' ? 'Cancelling an order' : `Moving an order to ${to}`;
		return { ok: false, status: 403, detail: `${what} requires the project ${needed} role` };
	}
	return { ok: true, from, to };
}

import { optionName } from './fieldTable';

/** Miner enumerations (docs/flow-api.md §5). Current-era values are sent; legacy ones are read and mapped. */

export const SEXES = ['male', 'female', 'other', 'unknown'] as const;
export const SAMPLE_TYPES = ['germline', 'somatic', 'ffpe', 'liquid_biopsy', 'unknown'] as const;
export const PRIORITIES = ['low', 'medium', 'high'] as const;
/** Older releases: routine / urgent / stat. */
export const LEGACY_PRIORITIES: Readonly<Record<string, string>> = { routine: 'low', urgent: 'medium', stat: 'high' };
export const MODES = ['hereditary', 'somatic'] as const;
export const ROLES = ['proband', 'mother', 'father', 'sibling', 'relative', 'tumour', 'normal', 'other'] as const;
export const ROLE_ALIASES: Readonly<Record<string, string>> = { tumor: 'tumour' };

export const ORDER_STATUSES = ['created', 'analyzing', 'review', 'sign_off', 'completed', 'cancelled'] as const;
/** Read-only legacy statuses and the current status each stands for. */
export const LEGACY_STATUSES: Readonly<Record<string, string>> = {
	ready_for_review: 'review',
	reviewed: 'sign_off',
	signed_off: 'completed',
	amended: 'completed',
};

/** Moves `/transition` makes from each status (completion belongs to report sign-off). */
const MOVES: Readonly<Record<string, readonly string[]>> = {
	created: ['analyzing', 'cancelled'],
	analyzing: ['review', 'sign_off', 'cancelled'],
	review: ['sign_off', 'cancelled'],
	sign_off: ['cancelled'],
	completed: [],
	cancelled: [],
};

/**
 * Value of the one explanatory entry the Target Status list shows when the order cannot move;
 * picking it fails before any request.
 */
export const NO_MOVE = '__noFurtherStatus__';

/** The targets Transition offers (cancelling is its own operation). */
export const TRANSITION_TARGETS = ['analyzing', 'review', 'sign_off'] as const;

/** Sign Off for sign_off: each status's name in option lists and messages. */
export const STATUS_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
	ORDER_STATUSES.map((status) => [status, optionName(status)]),
);

/** Current-era status for a current or legacy value; undefined when unknown. */
export function currentStatus(status: unknown): string | undefined {
	const text = String(status ?? '')
		.trim()
		.toLowerCase();
	if ((ORDER_STATUSES as readonly string[]).includes(text)) return text;
	return LEGACY_STATUSES[text];
}

/** Moves from a status: the order's own `allowed_transitions` when the API sends it, else the documented graph. */
export function allowedMoves(order: { status?: unknown; allowed_transitions?: unknown }): string[] {
	if (Array.isArray(order.allowed_transitions)) return order.allowed_transitions.map(String);
	const from = currentStatus(order.status);
	return from ? [...MOVES[from]] : [];
}

// @ts-check
// Labflow definitions (docs/flow-api.md §5.6, §9.4) and an order's labflow state derived from its
// transition history. Stage-state changes are UI-only in Flow, so the state here is computed.
import { normalizeStatus } from './order-state-machine.js';

const STAGE_NAMES = {
	created: 'Creation',
	analyzing: 'Analysis',
	review: 'Review',
	sign_off: 'Sign Off',
	completed: 'Completion',
};
const STAGE_CODES = Object.keys(STAGE_NAMES);

const FLAGS = {
	created: [false, false, false, false],
	analyzing: [true, false, false, false],
	review: [true, true, true, true],
	sign_off: [true, false, true, false],
	completed: [true, false, true, false],
};

function stage(code, position) {
	const [bv, be, rv, re] = FLAGS[code];
	return {
		code,
		name: STAGE_NAMES[code],
		position,
		browser_viewable: bv,
		browser_editable: be,
		report_viewable: rv,
		report_editable: re,
	};
}

export const DEFAULT_LABFLOW_ID = '3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d';
export const EXPRESS_LABFLOW_ID = '4c3b2a1d-0f9e-4b8c-9d7e-6f5a4b3c2d1e';

/** Built-in definitions: one system-wide, one org-scoped (for the `scope` filter). */
export function builtinLabflows(orgId) {
	return [
		{
			id: DEFAULT_LABFLOW_ID,
			name: 'Default clinical labflow',
			version: 1,
			scope: 'system',
			org_id: null,
			project_id: null,
			is_immutable: true,
			stages: STAGE_CODES.map(stage),
			transitions: [
				{ from_stage: 'created', to_stage: 'analyzing' },
				{ from_stage: 'analyzing', to_stage: 'review' },
				{ from_stage: 'analyzing', to_stage: 'sign_off' },
				{ from_stage: 'review', to_stage: 'sign_off' },
				{ from_stage: 'sign_off', to_stage: 'completed' },
			],
		},
		{
			id: EXPRESS_LABFLOW_ID,
			name: 'Express labflow (no review)',
			version: 1,
			scope: 'org',
			org_id: orgId ?? null,
			project_id: null,
			is_immutable: false,
			stages: STAGE_CODES.filter((c) => c !== 'review').map(stage),
			transitions: [
				{ from_stage: 'created', to_stage: 'analyzing' },
				{ from_stage: 'analyzing', to_stage: 'sign_off' },
				{ from_stage: 'sign_off', to_stage: 'completed' },
			],
		},
	];
}

/**
 * Labflow state of one order (default labflow).
 * @param {{order: any, history: {from: string|null, to: string, by: string, at: string, comment?: string|null}[], assignee?: any}} input
 *   history: the order's status changes, oldest first (creation is {from: null, to: 'created'})
 */
export function orderLabflowState({ order, history, assignee = null }) {
	const cancelled = order.status === 'cancelled';
	const progress = history.filter((h) => h.to !== 'cancelled');
	const current = cancelled ? (progress.length ? progress[progress.length - 1].to : 'created') : normalizeStatus(order.status);
	// Seeded orders may come without history: then every earlier stage counts as done.
	const visited = history.length > 1 ? new Set(history.map((h) => h.to)) : new Set(STAGE_CODES);
	const currentIndex = STAGE_CODES.indexOf(current);
	const currentState = cancelled ? 'skipped' : current === 'completed' ? 'completed' : 'in_progress';
	const stages = STAGE_CODES.map((code, i) => {
		let state = 'unassigned';
		if (i < currentIndex) state = visited.has(code) ? 'completed' : 'skipped';
		else if (i === currentIndex) state = currentState;
		else if (cancelled) state = 'skipped';
		return { code, name: STAGE_NAMES[code], state };
	});
	const last = history.length > 1 ? history[history.length - 1] : null;
	return {
		order_id: order.id,
		labflow_id: DEFAULT_LABFLOW_ID,
		labflow_name: 'Default clinical labflow',
		current_stage: { code: current, name: STAGE_NAMES[current] ?? current },
		state: currentState,
		assigned_user: assignee,
		stages,
		last_transition: last
			? { from_stage: last.from, to_stage: last.to, by: last.by, at: last.at, comment: last.comment ?? null }
			: null,
	};
}

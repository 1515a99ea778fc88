// @ts-check
// Orders (docs/flow-api.md §9.3): records, the /transition state machine, sample links.
import { HttpError, validationItem, validationError } from '../../core/errors.js';
import { slugify } from '../../core/ids.js';
import { nextSeq } from './db.js';
import {
	actorName,
	findRecord,
	freeDisplayId,
	finishUpdate,
	listRecords,
	newRecord,
	publicFields,
	renameRecord,
	requireRole,
} from './common.js';
import { allowedTransitions, decideTransition, normalizeStatus, statusMatchesFilter } from './order-state-machine.js';
import { getSample, presentSample } from './samples.js';
import { syncReportForOrder, deleteReportOfOrder } from '../report/records.js';

/** @typedef {import('./common.js').MinerEnv} MinerEnv */

const LEGACY_PRIORITY = { routine: 'low', urgent: 'medium', stat: 'high' };
const ROLE_ALIASES = { tumor: 'tumour' };
const FIELDS = [
	'mode',
	'accession_number',
	'external_id',
	'description',
	'test_type',
	'ordering_provider',
	'ordering_facility',
	'received_date',
	'due_date',
	'tags',
];
const LINKABLE = ['created', 'analyzing'];

export const normalizePriority = (p) => LEGACY_PRIORITY[p] ?? p;
export const normalizeRole = (r) => ROLE_ALIASES[r] ?? r ?? 'proband';

/** @param {MinerEnv} env @param {any} o */
export function presentOrder(env, o) {
	return {
		...publicFields(o),
		name: o.display_id,
		indication: o.indication ?? null,
		clinical_indication: o.indication ?? null,
		sample_count: env.db.order_samples.filter((l) => l.order_id === o.id).length,
		current_stage: normalizeStatus(o.status) ?? o.status,
		allowed_transitions: allowedTransitions(o.status),
	};
}

/** @param {MinerEnv} env */
export function listOrders(env, query) {
	return listRecords(
		env,
		env.db.orders,
		query,
		(o) =>
			(!query.status || statusMatchesFilter(o.status, query.status)) &&
			(!query.priority || o.priority === normalizePriority(query.priority)) &&
			(!query.mode || o.mode === query.mode),
		['display_id', 'accession_number', 'external_id'],
		presentOrder,
	);
}

/** @param {MinerEnv} env */
export function getOrder(env, id) {
	return findRecord(env.db.orders, env.projectId, id, 'Order');
}

/** Indication arrives as `indication` (CLI) or `clinical_indication` (current docs). */
function indicationOf(body) {
	if (Object.prototype.hasOwnProperty.call(body, 'indication')) return { present: true, value: body.indication };
	if (Object.prototype.hasOwnProperty.call(body, 'clinical_indication')) return { present: true, value: body.clinical_indication };
	return { present: false, value: null };
}

/** @param {MinerEnv} env */
export function createOrder(env, body) {
	requireRole(env, 'editor', 'Creating an order');
	const displayId = freeDisplayId(env, env.db.orders, body, 'Order');
	// Resolve every sample first: creation with links is all-or-nothing.
	const links = (body.samples ?? []).map((l, i) => {
		const sample = env.db.samples.find((s) => s.id === l.sample_id && s.project_id === env.projectId);
		if (!sample) throw new HttpError(404, `Sample not found: samples[${i}].sample_id ${l.sample_id}`);
		return { sample, role: normalizeRole(l.role) };
	});
	const seen = new Set();
	for (const { sample } of links) {
		if (seen.has(sample.id)) throw new HttpError(409, `Sample ${sample.display_id} is listed twice`);
		seen.add(sample.id);
	}
	const defaults = {
		status: 'created',
		priority: normalizePriority(body.priority ?? 'medium'),
		mode: 'hereditary',
		accession_number: null,
		external_id: null,
		description: null,
		indication: indicationOf(body).value ?? null,
		test_type: null,
		ordering_provider: null,
		ordering_facility: null,
		received_date: null,
		due_date: null,
	};
	const order = newRecord(env, displayId, defaults, body, FIELDS);
	const now = order.created_at;
	env.db.orders.push(order);
	env.db.order_history.push({ order_id: order.id, from: null, to: 'created', by: actorName(env.user), at: now, comment: null });
	for (const { sample, role } of links) {
		env.db.order_samples.push({ order_id: order.id, sample_id: sample.id, role, added_at: now, _seq: nextSeq() });
	}
	env.audit({ action: 'order.create', entity_type: 'order', entity_id: order.id, changes: publicFields(order) });
	return order;
}

/** @param {MinerEnv} env */
export async function updateOrder(env, id, body) {
	if (Object.prototype.hasOwnProperty.call(body, 'status')) {
		throw validationError([
			validationItem(
				['body', 'status'],
				'status cannot be changed with PUT; use POST /orders/{order_id}/transition',
				'extra_forbidden',
				body.status,
			),
		]);
	}
	requireRole(env, 'editor', 'Editing an order');
	const order = getOrder(env, id);
	const status = normalizeStatus(order.status);
	if (status === 'completed' || status === 'cancelled') {
		throw new HttpError(409, `Order ${order.display_id} is ${status} and can no longer be edited`);
	}
	await renameRecord(env, env.db.orders, order, body, 'Order', `orders/${slugify(order.display_id)}/`);
	if (body.priority !== undefined) order.priority = normalizePriority(body.priority);
	const indication = indicationOf(body);
	if (indication.present) order.indication = indication.value;
	finishUpdate(env, 'order', order, body, FIELDS);
	return order;
}

/** @param {MinerEnv} env */
export function deleteOrder(env, id) {
	const order = getOrder(env, id);
	requireRole(env, 'admin', 'Deleting an order');
	const status = normalizeStatus(order.status);
	if (status !== 'created' && status !== 'cancelled') {
		throw new HttpError(409, `Order ${order.display_id} is ${status}; only created or cancelled orders can be deleted`);
	}
	env.db.orders.splice(env.db.orders.indexOf(order), 1);
	env.db.order_samples = env.db.order_samples.filter((l) => l.order_id !== order.id);
	env.db.order_history = env.db.order_history.filter((h) => h.order_id !== order.id);
	deleteReportOfOrder(env, order);
	env.audit({ action: 'order.delete', entity_type: 'order', entity_id: order.id, changes: { display_id: order.display_id } });
}

/**
 * Move an order's status and keep history, report and audit in step. Used by /transition and by
 * the report service's sign-off (which is the only caller allowed to complete).
 * @param {MinerEnv} env
 */
export function applyStatus(env, order, to, comment = null) {
	const from = order.status;
	const at = env.now();
	order.status = to;
	order.updated_at = at;
	env.db.order_history.push({ order_id: order.id, from: normalizeStatus(from) ?? from, to, by: actorName(env.user), at, comment });
	env.audit({ action: 'order.transition', entity_type: 'order', entity_id: order.id, changes: { status: { from, to }, comment } });
	syncReportForOrder(env, order);
}

/** @param {MinerEnv} env */
export function transitionOrder(env, id, body) {
	const order = getOrder(env, id);
	const decision = decideTransition({ from: order.status, requested: body.status, role: env.role ?? 'none' });
	if ('detail' in decision) {
		if (decision.status === 422) throw validationError([validationItem(['body', 'status'], decision.detail, 'enum', body.status)]);
		throw new HttpError(decision.status, decision.detail);
	}
	applyStatus(env, order, decision.to, body.comment ?? null);
	return order;
}

// ------------------------------------------------------------------ order ↔ sample links

/** @param {MinerEnv} env */
export function orderSampleItems(env, order) {
	return env.db.order_samples
		.filter((l) => l.order_id === order.id)
		.sort((a, b) => a._seq - b._seq)
		.map((l) => {
			const sample = env.db.samples.find((s) => s.id === l.sample_id);
			return { ...presentSample(env, sample), sample_id: sample.id, role: l.role, added_at: l.added_at };
		});
}

/** The order's variant cache no longer matches its samples: the next query rebuilds it. @param {MinerEnv} env */
function dropVariantCache(env, order) {
	env.db.variant_caches = env.db.variant_caches.filter((c) => c.order_id !== order.id);
}

/** @param {MinerEnv} env */
export function linkSample(env, orderId, sampleId, role) {
	requireRole(env, 'editor', 'Linking a sample');
	const order = getOrder(env, orderId);
	const sample = getSample(env, sampleId);
	if (env.db.order_samples.some((l) => l.order_id === order.id && l.sample_id === sample.id)) {
		throw new HttpError(409, `Sample ${sample.display_id} is already linked to order ${order.display_id}`);
	}
	const status = normalizeStatus(order.status) ?? order.status;
	if (!LINKABLE.includes(status)) {
		throw new HttpError(409, `Samples can be linked only while the order is created or analyzing (order ${order.display_id} is ${status})`);
	}
	const link = { order_id: order.id, sample_id: sample.id, role: normalizeRole(role), added_at: env.now(), _seq: nextSeq() };
	env.db.order_samples.push(link);
	dropVariantCache(env, order);
	env.audit({ action: 'order.sample_link', entity_type: 'order', entity_id: order.id, changes: { sample_id: sample.id, role: link.role } });
	return orderSampleItems(env, order).find((i) => i.id === sample.id);
}

/** @param {MinerEnv} env */
export function unlinkSample(env, orderId, sampleId) {
	requireRole(env, 'editor', 'Unlinking a sample');
	const order = getOrder(env, orderId);
	const sample = getSample(env, sampleId);
	const link = env.db.order_samples.find((l) => l.order_id === order.id && l.sample_id === sample.id);
	if (!link) throw new HttpError(404, `Sample ${sample.display_id} is not linked to order ${order.display_id}`);
	const status = normalizeStatus(order.status) ?? order.status;
	if (!LINKABLE.includes(status)) {
		throw new HttpError(409, `Samples can be unlinked only while the order is created or analyzing (order ${order.display_id} is ${status})`);
	}
	env.db.order_samples.splice(env.db.order_samples.indexOf(link), 1);
	dropVariantCache(env, order);
	env.audit({ action: 'order.sample_unlink', entity_type: 'order', entity_id: order.id, changes: { sample_id: sample.id } });
}

// @ts-check
// Read-only views of an order built from the live state: samplesheet and labflow state.
import { HttpError } from '../../core/errors.js';
import { sampleUploadsPrefix } from './files.js';
import { buildSamplesheetRows } from './samplesheet.js';
import { orderLabflowState } from './labflows.js';
import { getOrder } from './orders.js';

/** @typedef {import('./common.js').MinerEnv} MinerEnv */

/** Rows (one per FASTQ pair) of the order's samplesheet; 409 when no sample has FASTQ files. @param {MinerEnv} env */
export async function samplesheetRows(env, orderId) {
	const order = getOrder(env, orderId);
	const links = env.db.order_samples.filter((l) => l.order_id === order.id).sort((a, b) => a._seq - b._seq);
	const entries = [];
	for (const link of links) {
		const sample = env.db.samples.find((s) => s.id === link.sample_id);
		const subject = env.db.subjects.find((s) => s.id === sample?.subject_id);
		if (!sample) continue;
		entries.push({ sample, subject, role: link.role, files: await env.listFiles(sampleUploadsPrefix(sample)) });
	}
	const rows = buildSamplesheetRows({ bucket: env.project.bucket_name, entries });
	if (!rows.length) {
		const why = links.length ? 'none of its samples has FASTQ files under samples/<slug>/uploads/' : 'it has no samples';
		throw new HttpError(409, `Cannot build a samplesheet for order ${order.display_id}: ${why}`);
	}
	return rows;
}

/** @param {MinerEnv} env */
export function labflowState(env, orderId) {
	const order = getOrder(env, orderId);
	const history = env.db.order_history.filter((h) => h.order_id === order.id);
	return orderLabflowState({ order, history });
}

// @ts-check
// Samples (docs/flow-api.md §9.2) and the sampleinfo manifest.
import { HttpError } from '../../core/errors.js';
import {
	findRecord,
	freeDisplayId,
	finishUpdate,
	listRecords,
	newRecord,
	publicFields,
	renameRecord,
} from './common.js';
import { sampleUploadsPrefix } from './files.js';
import { buildSampleInfo } from './sampleinfo.js';

/** @typedef {import('./common.js').MinerEnv} MinerEnv */

const FIELDS = ['sample_type', 'external_id', 'barcode', 'tissue', 'collection_date', 'notes', 'tags'];

/** @param {MinerEnv} env @param {any} s */
export function presentSample(env, s) {
	const subject = env.db.subjects.find((x) => x.id === s.subject_id);
	return { ...publicFields(s), name: s.display_id, subject_display_id: subject?.display_id ?? null };
}

/** @param {MinerEnv} env */
export function listSamples(env, query) {
	return listRecords(
		env,
		env.db.samples,
		query,
		(s) =>
			(!query.sample_type || s.sample_type === query.sample_type) &&
			(!query.subject_id || s.subject_id === query.subject_id),
		['display_id', 'external_id', 'barcode'],
		presentSample,
	);
}

/** @param {MinerEnv} env */
export function getSample(env, id) {
	return findRecord(env.db.samples, env.projectId, id, 'Sample');
}

/** @param {MinerEnv} env */
function subjectOf(env, subjectId) {
	const subject = env.db.subjects.find((s) => s.id === subjectId && s.project_id === env.projectId);
	if (!subject) throw new HttpError(404, 'Subject not found');
	return subject;
}

/** @param {MinerEnv} env */
export function createSample(env, body) {
	const subject = subjectOf(env, body.subject_id);
	const displayId = freeDisplayId(env, env.db.samples, body, 'Sample');
	const defaults = {
		subject_id: subject.id,
		sample_type: null,
		external_id: null,
		barcode: null,
		tissue: null,
		collection_date: null,
		notes: null,
		status: 'registered',
	};
	const sample = newRecord(env, displayId, defaults, body, FIELDS);
	env.db.samples.push(sample);
	env.audit({ action: 'sample.create', entity_type: 'sample', entity_id: sample.id, changes: publicFields(sample) });
	return sample;
}

/** @param {MinerEnv} env */
export async function updateSample(env, id, body) {
	const sample = getSample(env, id);
	if (body.subject_id !== undefined) sample.subject_id = subjectOf(env, body.subject_id).id;
	await renameRecord(env, env.db.samples, sample, body, 'Sample', sampleUploadsPrefix(sample));
	finishUpdate(env, 'sample', sample, body, FIELDS);
	return sample;
}

/** Orders (not cancelled) the sample is linked to. @param {MinerEnv} env */
export function blockingOrders(env, sample) {
	return env.db.order_samples
		.filter((l) => l.sample_id === sample.id)
		.map((l) => env.db.orders.find((o) => o.id === l.order_id))
		.filter((o) => o && o.status !== 'cancelled');
}

/** Drop a sample and its links (to cancelled orders only — callers check first). @param {MinerEnv} env */
export function removeSample(env, sample) {
	env.db.order_samples = env.db.order_samples.filter((l) => l.sample_id !== sample.id);
	env.db.samples.splice(env.db.samples.indexOf(sample), 1);
	env.audit({
		action: 'sample.delete',
		entity_type: 'sample',
		entity_id: sample.id,
		changes: { display_id: sample.display_id },
	});
}

/** @param {MinerEnv} env */
export function deleteSample(env, id) {
	const sample = getSample(env, id);
	const live = blockingOrders(env, sample);
	if (live.length) {
		throw new HttpError(
			409,
			`Sample ${sample.display_id} is linked to order ${live[0].display_id} (${live[0].status})`,
		);
	}
	removeSample(env, sample);
}

/** @param {MinerEnv} env */
export async function sampleInfo(env, id) {
	const sample = getSample(env, id);
	const subject = env.db.subjects.find((s) => s.id === sample.subject_id);
	const files = await env.listFiles(sampleUploadsPrefix(sample));
	return buildSampleInfo({ sample, subject, bucket: env.project.bucket_name, files, now: env.now() });
}

// @ts-check
// Subjects (docs/flow-api.md §9.1).
import { HttpError } from '../../core/errors.js';
import { slugify } from '../../core/ids.js';
import {
	findRecord,
	freeDisplayId,
	finishUpdate,
	listRecords,
	newRecord,
	publicFields,
	renameRecord,
} from './common.js';
import { blockingOrders, removeSample } from './samples.js';

/** @typedef {import('./common.js').MinerEnv} MinerEnv */

const FIELDS = ['sex', 'date_of_birth', 'external_id', 'diagnosis', 'clinical_notes', 'tags'];

/** @param {MinerEnv} env @param {any} s */
export function presentSubject(env, s) {
	const sampleCount = env.db.samples.filter((x) => x.subject_id === s.id).length;
	return { ...publicFields(s), name: s.display_id, sample_count: sampleCount };
}

/** @param {MinerEnv} env */
export function listSubjects(env, query) {
	return listRecords(
		env,
		env.db.subjects,
		query,
		(s) => !query.sex || s.sex === query.sex,
		['display_id', 'external_id'],
		presentSubject,
	);
}

/** @param {MinerEnv} env */
export function getSubject(env, id) {
	return findRecord(env.db.subjects, env.projectId, id, 'Subject');
}

/** @param {MinerEnv} env */
export function createSubject(env, body) {
	const displayId = freeDisplayId(env, env.db.subjects, body, 'Subject');
	const defaults = { sex: null, date_of_birth: null, external_id: null, diagnosis: null, clinical_notes: null };
	const subject = newRecord(env, displayId, defaults, body, FIELDS);
	env.db.subjects.push(subject);
	env.audit({
		action: 'subject.create',
		entity_type: 'subject',
		entity_id: subject.id,
		changes: publicFields(subject),
	});
	return subject;
}

/** @param {MinerEnv} env */
export async function updateSubject(env, id, body) {
	const subject = getSubject(env, id);
	await renameRecord(env, env.db.subjects, subject, body, 'Subject', `subjects/${slugify(subject.display_id)}/`);
	finishUpdate(env, 'subject', subject, body, FIELDS);
	return subject;
}

/** Delete a subject and, first, its samples (409 while any of them is on a live order). @param {MinerEnv} env */
export function deleteSubject(env, id) {
	const subject = getSubject(env, id);
	const samples = env.db.samples.filter((s) => s.subject_id === subject.id);
	for (const sample of samples) {
		const live = blockingOrders(env, sample);
		if (live.length) {
			throw new HttpError(
				409,
				`Subject ${subject.display_id} cannot be deleted: sample ${sample.display_id} is linked to order ${live[0].display_id} (${live[0].status})`,
			);
		}
	}
	for (const sample of samples) removeSample(env, sample);
	env.db.subjects.splice(env.db.subjects.indexOf(subject), 1);
	env.audit({
		action: 'subject.delete',
		entity_type: 'subject',
		entity_id: subject.id,
		changes: { display_id: subject.display_id, cascaded_samples: samples.map((s) => s.id) },
	});
}

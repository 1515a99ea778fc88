// @ts-check
// Subjects (reference §9.1).
import { HttpError } from '../../core/errors.js';
import { slugify, uuid } from '../../core/ids.js';
import { nextSeq } from './db.js';
import { actorName, assignPresent, duplicateCheck, findRecord, matchesSearch, newestPage, publicFields } from './common.js';
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
	const rows = env.db.subjects.filter(
		(s) =>
			s.project_id === env.projectId &&
			(!query.sex || s.sex === query.sex) &&
			matchesSearch(s, query.search, ['display_id', 'external_id']),
	);
	const { page, total } = newestPage(rows, query);
	return { items: page.map((s) => presentSubject(env, s)), total };
}

/** @param {MinerEnv} env */
export function getSubject(env, id) {
	return findRecord(env.db.subjects, env.projectId, id, 'Subject');
}

/** @param {MinerEnv} env */
export function createSubject(env, body) {
	const displayId = body.display_id ?? body.name;
	duplicateCheck(env.db.subjects, env.projectId, displayId, 'Subject');
	const now = env.now();
	const subject = {
		id: uuid(),
		project_id: env.projectId,
		display_id: displayId,
		sex: null,
		date_of_birth: null,
		external_id: null,
		diagnosis: null,
		clinical_notes: null,
		tags: [],
		properties: { ...(body.properties ?? {}) },
		created_at: now,
		updated_at: now,
		created_by: actorName(env.user),
		_seq: nextSeq(),
	};
	assignPresent(subject, body, FIELDS);
	env.db.subjects.push(subject);
	env.audit({ action: 'subject.create', entity_type: 'subject', entity_id: subject.id, changes: publicFields(subject) });
	return subject;
}

/** @param {MinerEnv} env */
export async function updateSubject(env, id, body) {
	const subject = getSubject(env, id);
	const newId = body.display_id ?? body.name;
	if (newId !== undefined && newId !== subject.display_id) {
		duplicateCheck(env.db.subjects, env.projectId, newId, 'Subject', subject.id);
		const files = await env.listFiles(`subjects/${slugify(subject.display_id)}/`);
		if (files.length) throw new HttpError(409, `Subject ${subject.display_id} has files; its display_id (slug) is frozen`);
		subject.display_id = newId;
	}
	assignPresent(subject, body, FIELDS);
	if (body.properties) subject.properties = { ...subject.properties, ...body.properties };
	subject.updated_at = env.now();
	env.audit({ action: 'subject.update', entity_type: 'subject', entity_id: subject.id, changes: body });
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

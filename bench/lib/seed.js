'use strict';
// Emulator seed data shared by the benches: one subject in project A and any number of samples
// of it (POST /_emulator/seed merges them into the live state).
const { DEFAULT_PROJECT_ID: PROJECT_A } = require('../../scripts/lib/credential');
const SUBJECT_ID = '0c8a6f2e-91b4-4d3a-8e27-5b6c7d8e9f01';
const CREATED = '2026-01-01T00:00:00Z';

function subjectSeed() {
	return {
		subjects: [
			{
				id: SUBJECT_ID,
				project_id: PROJECT_A,
				display_id: 'SUB-BENCH',
				sex: 'female',
				date_of_birth: null,
				external_id: null,
				diagnosis: null,
				clinical_notes: null,
				tags: [],
				properties: {},
				created_at: CREATED,
				updated_at: CREATED,
				created_by: null,
			},
		],
	};
}

function sampleSeed(count) {
	return Array.from({ length: count }, (_, i) => ({
		id: `00000002-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
		project_id: PROJECT_A,
		display_id: `SAM-${String(i).padStart(6, '0')}`,
		subject_id: SUBJECT_ID,
		sample_type: 'germline',
		external_id: `LIMS-${i}`,
		barcode: null,
		tissue: 'blood',
		collection_date: '2026-01-15',
		notes: null,
		status: 'registered',
		tags: ['bench'],
		properties: { specimen_type: 'Blood', sequencing_type: 'WES' },
		created_at: CREATED,
		updated_at: CREATED,
		created_by: null,
	}));
}

/** The body every side of the Create Sample benches sends (the node builds the same one). */
const sampleBody = (displayId) => ({
	subject_id: SUBJECT_ID,
	display_id: displayId,
	sample_type: 'germline',
	collection_date: '2026-01-15',
});

/** The display IDs one Create Sample run uses: unique per side and round, same scheme everywhere. */
const displayIds = (prefix, count) =>
	Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);

module.exports = { PROJECT_A, SUBJECT_ID, subjectSeed, sampleSeed, sampleBody, displayIds };

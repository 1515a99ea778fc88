import type { INodeProperties } from 'n8n-workflow';

import { SEXES } from '../../helpers/enums';
import type { FieldSpec } from '../../helpers/values';

/** Subject fields other than the display ID, as parameters and as API body fields. */
export const SUBJECT_SPECS: readonly FieldSpec[] = [
	{ param: 'sex', key: 'sex', label: 'Sex', kind: 'enum', values: SEXES },
	{ param: 'dateOfBirth', key: 'date_of_birth', label: 'Date of Birth', kind: 'date' },
	{ param: 'externalId', key: 'external_id', label: 'External ID', kind: 'string' },
	{ param: 'diagnosis', key: 'diagnosis', label: 'Diagnosis', kind: 'string' },
	{ param: 'clinicalNotes', key: 'clinical_notes', label: 'Clinical Notes', kind: 'string' },
	{ param: 'tags', key: 'tags', label: 'Tags', kind: 'tags' },
	{ param: 'properties', key: 'properties', label: 'Properties (JSON)', kind: 'json' },
];

export const UPDATE_SPECS: readonly FieldSpec[] = [
	{ param: 'displayId', key: 'display_id', label: 'Display ID', kind: 'string' },
	...SUBJECT_SPECS,
];

/** The optional subject fields, for Additional Fields and Update Fields. */
export function subjectFieldOptions(withDisplayId: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Clinical Notes',
			name: 'clinicalNotes',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			placeholder: 'Family history of breast cancer (mother, 45)',
			description: 'Free-text clinical notes about the patient',
		},
		{
			displayName: 'Date of Birth',
			name: 'dateOfBirth',
			type: 'dateTime',
			default: '',
			description: 'Sent as a date (YYYY-MM-DD)',
		},
		{
			displayName: 'Diagnosis',
			name: 'diagnosis',
			type: 'string',
			default: '',
			placeholder: 'Hereditary breast and ovarian cancer',
			description: 'Known or suspected diagnosis, as free text or a code from your LIMS',
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description: "The patient's ID in your LIMS or hospital system (e.g. accession number)",
		},
		{
			displayName: 'Properties (JSON)',
			name: 'properties',
			type: 'json',
			default: '{}',
			description:
				'Free clinical fields as a JSON object, e.g. {"first_name": "Jane", "surname": "Doe", "hpo_terms": ["HP:0003002"]}. On update, keys are merged into the existing properties.',
		},
		{
			displayName: 'Sex',
			name: 'sex',
			type: 'options',
			options: [
				{ name: 'Female', value: 'female' },
				{ name: 'Male', value: 'male' },
				{ name: 'Other', value: 'other' },
				{ name: 'Unknown', value: 'unknown' },
			],
			default: 'unknown',
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'hereditary, brca',
			description: 'Comma-separated tags (replace the existing tags on update)',
		},
	];
	if (!withDisplayId) return fields;
	return [
		{
			displayName: 'Display ID',
			name: 'displayId',
			type: 'string',
			default: '',
			description: 'New human-readable ID (unique in the project; frozen once the subject has files)',
		},
		...fields,
	];
}

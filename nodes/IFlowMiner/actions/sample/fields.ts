import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { SAMPLE_TYPES } from '../../helpers/enums';
import type { FieldSpec } from '../../helpers/values';

/** Optional sample fields, as parameters and as API body fields. */
export const SAMPLE_SPECS: readonly FieldSpec[] = [
	{ param: 'sampleType', key: 'sample_type', label: 'Sample Type', kind: 'enum', values: SAMPLE_TYPES },
	{ param: 'externalId', key: 'external_id', label: 'External ID', kind: 'string' },
	{ param: 'barcode', key: 'barcode', label: 'Barcode', kind: 'string' },
	{ param: 'tissue', key: 'tissue', label: 'Tissue', kind: 'string' },
	{ param: 'collectionDate', key: 'collection_date', label: 'Collection Date', kind: 'date' },
	{ param: 'notes', key: 'notes', label: 'Notes', kind: 'string' },
	{ param: 'tags', key: 'tags', label: 'Tags', kind: 'tags' },
	{ param: 'properties', key: 'properties', label: 'Properties (JSON)', kind: 'json' },
];

export const UPDATE_SPECS: readonly FieldSpec[] = [
	{ param: 'displayId', key: 'display_id', label: 'Display ID', kind: 'string' },
	{ param: 'subjectId', key: 'subject_id', label: 'Subject ID', kind: 'id' },
	...SAMPLE_SPECS,
];

export function sampleFieldOptions(forUpdate: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Barcode',
			name: 'barcode',
			type: 'string',
			default: '',
			placeholder: 'BC-0012345',
			description: "The barcode on the specimen tube, as your LIMS scans it",
		},
		{
			displayName: 'Collection Date',
			name: 'collectionDate',
			type: 'dateTime',
			default: '',
			description: 'When the specimen was collected; sent as a date (YYYY-MM-DD)',
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description: "The sample's ID in your LIMS",
		},
		{
			displayName: 'Notes',
			name: 'notes',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			placeholder: 'Haemolysed; re-extracted 2026-01-10',
			description: 'Free-text notes about the specimen',
		},
		{
			displayName: 'Properties (JSON)',
			name: 'properties',
			type: 'json',
			default: '{}',
			description:
				'Free fields as a JSON object, e.g. {"specimen_type": "FFPE", "sequencing_type": "WES"}. On update, keys are merged into the existing properties.',
		},
		{
			displayName: 'Sample Type',
			name: 'sampleType',
			type: 'options',
			options: [
				{ name: 'FFPE', value: 'ffpe' },
				{ name: 'Germline', value: 'germline' },
				{ name: 'Liquid Biopsy', value: 'liquid_biopsy' },
				{ name: 'Somatic', value: 'somatic' },
				{ name: 'Unknown', value: 'unknown' },
			],
			default: 'germline',
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'wes, batch-12',
			description: 'Comma-separated tags (replace the existing tags on update)',
		},
		{
			displayName: 'Tissue',
			name: 'tissue',
			type: 'string',
			default: '',
			placeholder: 'blood',
			description: 'What the specimen is (blood, saliva, FFPE tissue…)',
		},
	];
	if (!forUpdate) return fields;
	return [
		{
			displayName: 'Display ID',
			name: 'displayId',
			type: 'string',
			default: '',
			description: 'New human-readable ID (unique in the project; frozen once the sample has files)',
		},
		{
			displayName: 'Subject ID',
			name: 'subjectId',
			type: 'string',
			default: '',
			description: 'Move the sample to another subject: its iFlow ID (a UUID, as output by Miner › Subject › Get)',
		},
		...fields,
	];
}

/** The Subject and Display ID every sample create needs. */
export function sampleRequiredFields(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			...recordLocator('subjectId', 'Subject', 'searchSubjects', 'The subject (patient) the sample was taken from'),
			displayOptions: { show },
		},
		{
			displayName: 'Display ID',
			name: 'displayId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'SAM-2026-001',
			description: 'Human-readable sample ID, unique in the project',
			displayOptions: { show },
		},
	];
}

import { SEXES } from '../../helpers/enums';
import { common, date, text } from '../../helpers/fieldTable';
import type { MinerField } from '../../helpers/fieldTable';

/** The subject's field table (helpers/fieldTable.ts); its order is the order values are checked in. */
export const SUBJECT_FIELDS: readonly MinerField[] = [
	common.displayId('subject'),
	common.search('Part of the display ID or external ID (case-insensitive)'),
	{
		param: 'sex',
		label: 'Sex',
		kind: 'enum',
		values: SEXES,
		ui: { default: 'unknown' },
		filter: { inferred: true, ui: { default: 'female' } },
	},
	date('dateOfBirth', 'Date of Birth'),
	common.externalId("The patient's ID in your LIMS or hospital system (e.g. accession number)"),
	text(
		'diagnosis',
		'Diagnosis',
		'Known or suspected diagnosis, as free text or a code from your LIMS',
		'Hereditary breast and ovarian cancer',
	),
	text(
		'clinicalNotes',
		'Clinical Notes',
		'Free-text clinical notes about the patient',
		'Family history of breast cancer (mother, 45)',
		3,
	),
	common.tags('hereditary, brca'),
	common.properties(
		'clinical fields as a JSON object, e.g. {"first_name": "Jane", "surname": "Doe", "hpo_terms": ["HP:0003002"]}',
	),
];

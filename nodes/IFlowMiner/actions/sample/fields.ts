import { SAMPLE_TYPES } from '../../helpers/enums';
import { common, date, text } from '../../helpers/fieldTable';
import type { MinerField } from '../../helpers/fieldTable';

/** The sample's field table (helpers/fieldTable.ts); its order is the order values are checked in. */
export const SAMPLE_FIELDS: readonly MinerField[] = [
	common.displayId('sample'),
	common.search('Part of the display ID, external ID or barcode (case-insensitive)'),
	{
		param: 'sampleType',
		label: 'Sample Type',
		kind: 'enum',
		values: SAMPLE_TYPES,
		names: { ffpe: 'FFPE' },
		ui: { default: 'germline' },
		filter: { ui: { default: 'germline' } },
	},
	{
		param: 'subjectId',
		label: 'Subject ID',
		kind: 'id',
		only: 'update',
		ui: {
			description: 'Move the sample to another subject: its iFlow ID (a UUID, as output by Miner › Subject › Get)',
		},
		filter: { inferred: true, ui: { description: 'Only samples of this subject (its iFlow ID, a UUID)' } },
	},
	common.externalId("The sample's ID in your LIMS"),
	text('barcode', 'Barcode', 'The barcode on the specimen tube, as your LIMS scans it', 'BC-0012345'),
	text('tissue', 'Tissue', 'What the specimen is (blood, saliva, FFPE tissue…)', 'blood'),
	date('collectionDate', 'Collection Date', 'When the specimen was collected; sent as a date (YYYY-MM-DD)'),
	text('notes', 'Notes', 'Free-text notes about the specimen', 'Haemolysed; re-extracted 2026-01-10', 3),
	common.tags('wes, batch-12'),
	common.properties('fields as a JSON object, e.g. {"specimen_type": "FFPE", "sequencing_type": "WES"}'),
];

import { LEGACY_PRIORITIES, LEGACY_STATUSES, MODES, ORDER_STATUSES, PRIORITIES } from '../../helpers/enums';
import { common, date, text } from '../../helpers/fieldTable';
import type { MinerField } from '../../helpers/fieldTable';

/** The order's field table (helpers/fieldTable.ts); its order is the order values are checked in. */
export const ORDER_FIELDS: readonly MinerField[] = [
	common.displayId('order'),
	common.search('Part of the display ID, accession number or external ID (case-insensitive)'),
	{
		param: 'status',
		label: 'Status',
		kind: 'enum',
		values: ORDER_STATUSES,
		only: 'filter',
		// Legacy status names are valid list filters too: sent as given.
		filter: {
			accepts: Object.keys(LEGACY_STATUSES),
			ui: {
				default: 'created',
				description: 'Orders in this status (older records with legacy status names are included)',
			},
		},
	},
	{
		param: 'priority',
		label: 'Priority',
		kind: 'enum',
		values: PRIORITIES,
		aliases: LEGACY_PRIORITIES,
		ui: {
			default: 'medium',
			description: 'Older names routine, urgent and stat are accepted in expressions and sent as low, medium, high',
		},
		filter: { ui: { default: 'high' } },
	},
	{
		param: 'mode',
		label: 'Mode',
		kind: 'enum',
		values: MODES,
		ui: { default: 'hereditary', description: 'Selects the report template' },
		filter: { inferred: true, ui: { default: 'hereditary' } },
	},
	text(
		'accessionNumber',
		'Accession Number',
		'The accession number the lab gave the request on receipt',
		'ACC-2026-001',
	),
	common.externalId("The order's ID in your LIMS"),
	text('description', 'Description', 'Free-text note shown with the order in iFlow', 'Trio WES, urgent'),
	text(
		'indication',
		'Clinical Indication',
		'Why the test was ordered, as on the request form',
		'Suspected BRCA1 variant',
		2,
	),
	text('testType', 'Test Type', 'The test ordered (e.g. WES, WGS, panel name)', 'WES'),
	text('orderingProvider', 'Ordering Provider', 'The clinician who ordered the test', 'Dr. Jane Smith'),
	text(
		'orderingFacility',
		'Ordering Facility',
		'The hospital or clinic that sent the request',
		'City General Hospital',
	),
	date('receivedDate', 'Received Date'),
	date('dueDate', 'Due Date'),
	common.tags('hereditary, wes'),
	common.properties('fields as a JSON object'),
];

import type { IDataObject } from 'n8n-workflow';

import { recordView } from '../../shared/helpers';
import { currentStatus, LEGACY_PRIORITIES } from './enums';

/** The display id of a record of either era (`display_id`, older `name`). */
export function displayIdOf(record: IDataObject): string | undefined {
	const value = record.display_id ?? record.name;
	return value === undefined || value === null ? undefined : String(value);
}

/** Records of either era, read as today's: display ID, priority, status, indication. */
function normalize(record: IDataObject): IDataObject {
	return { ...record, display_id: displayIdOf(record) };
}

function normalizeOrder(record: IDataObject): IDataObject {
	const priority = String(record.priority ?? '');
	return {
		...normalize(record),
		priority: LEGACY_PRIORITIES[priority] ?? record.priority,
		status: currentStatus(record.status) ?? record.status,
		indication: record.indication ?? record.clinical_indication,
	};
}

export const SUBJECT_VIEW = recordView(
	['id', 'display_id', 'external_id', 'sex', 'date_of_birth', 'diagnosis', 'tags', 'sample_count', 'created_at'],
	{ normalize },
);

/** A sample; as linked to an order also its role and the order. */
export const SAMPLE_VIEW = recordView(
	[
		'id',
		'display_id',
		'status',
		'subject_id',
		'subject_display_id',
		'sample_type',
		'role',
		'external_id',
		'barcode',
		'tissue',
		'collection_date',
		'created_at',
		'order_id',
	],
	{ normalize },
);

export const ORDER_VIEW = recordView(
	[
		'id',
		'display_id',
		'status',
		'priority',
		'mode',
		'external_id',
		'accession_number',
		'indication',
		'sample_count',
		'allowed_transitions',
		'due_date',
		'created_at',
		'updated_at',
	],
	{ normalize: normalizeOrder },
);

export type RecordResource = 'subject' | 'sample' | 'order';

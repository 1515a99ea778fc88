import type { IDataObject } from 'n8n-workflow';

import { pickFields } from '../../shared/descriptions';
import { currentStatus, LEGACY_PRIORITIES } from './enums';

/** The display id of a record of either era (`display_id`, older `name`). */
export function displayIdOf(record: IDataObject): string | undefined {
	const value = record.display_id ?? record.name;
	return value === undefined || value === null ? undefined : String(value);
}

const SUBJECT_FIELDS = [
	'id',
	'display_id',
	'external_id',
	'sex',
	'date_of_birth',
	'diagnosis',
	'tags',
	'sample_count',
	'created_at',
];
const SAMPLE_FIELDS = [
	'id',
	'display_id',
	'subject_id',
	'subject_display_id',
	'sample_type',
	'status',
	'role',
	'external_id',
	'barcode',
	'tissue',
	'collection_date',
	'created_at',
];
const ORDER_FIELDS = [
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
];

export type RecordResource = 'subject' | 'sample' | 'order';

/** The few fields an agent or a mapping step needs, read from either era. */
export function simplifyRecord(resource: RecordResource, record: IDataObject): IDataObject {
	const normalized: IDataObject = { ...record, display_id: displayIdOf(record) };
	if (resource === 'order') {
		const priority = String(record.priority ?? '');
		normalized.priority = LEGACY_PRIORITIES[priority] ?? record.priority;
		normalized.status = currentStatus(record.status) ?? record.status;
		normalized.indication = record.indication ?? record.clinical_indication;
		return pickFields(normalized, ORDER_FIELDS);
	}
	return pickFields(normalized, resource === 'subject' ? SUBJECT_FIELDS : SAMPLE_FIELDS);
}

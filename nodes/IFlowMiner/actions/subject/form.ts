import type { CreateForm } from '../recordOperations';
import { displayIdField } from '../recordOperations';
import { SUBJECT } from '../records';
import { SUBJECT_FIELDS } from './fields';

/** What Create and Create or Update of a subject ask for. */
export const SUBJECT_FORM: CreateForm = {
	kind: SUBJECT,
	table: SUBJECT_FIELDS,
	required: [displayIdField('SUB-2026-001', 'Human-readable subject (patient) ID, unique in the project')],
};

import { requireId } from '../../../shared/helpers';
import type { CreateForm } from '../recordOperations';
import { displayIdField, kindLocator } from '../recordOperations';
import { SAMPLE, SUBJECT } from '../records';
import { SAMPLE_FIELDS } from './fields';

/** What Create and Create or Update of a sample ask for: its subject first. */
export const SAMPLE_FORM: CreateForm = {
	kind: SAMPLE,
	table: SAMPLE_FIELDS,
	required: [
		kindLocator(SUBJECT, 'The subject (patient) the sample was taken from'),
		displayIdField('SAM-2026-001', 'Human-readable sample ID, unique in the project'),
	],
	requiredBody: (ctx, itemIndex) => ({ subject_id: requireId(ctx, 'subjectId', 'Subject', itemIndex) }),
};

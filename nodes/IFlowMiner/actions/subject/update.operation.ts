import { updateOperation } from '../recordOperations';
import { SUBJECT } from '../records';
import { SUBJECT_FIELDS } from './fields';

export const { description, execute } = updateOperation(SUBJECT, SUBJECT_FIELDS);

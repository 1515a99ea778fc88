import { getManyOperation } from '../recordOperations';
import { SUBJECT } from '../records';
import { SUBJECT_FIELDS } from './fields';

export const { description, execute } = getManyOperation(SUBJECT, SUBJECT_FIELDS);

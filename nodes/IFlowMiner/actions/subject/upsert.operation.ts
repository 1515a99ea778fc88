import { upsertOperation } from '../recordOperations';
import { SUBJECT_FORM } from './form';

export const { description, execute } = upsertOperation(SUBJECT_FORM);

import { createOperation } from '../recordOperations';
import { SUBJECT_FORM } from './form';

export const { description, execute } = createOperation(SUBJECT_FORM);

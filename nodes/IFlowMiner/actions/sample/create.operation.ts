import { createOperation } from '../recordOperations';
import { SAMPLE_FORM } from './form';

export const { description, execute } = createOperation(SAMPLE_FORM);

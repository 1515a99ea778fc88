import { upsertOperation } from '../recordOperations';
import { SAMPLE_FORM } from './form';

export const { description, execute } = upsertOperation(SAMPLE_FORM);

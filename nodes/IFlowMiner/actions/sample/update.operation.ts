import { updateOperation } from '../recordOperations';
import { SAMPLE } from '../records';
import { SAMPLE_FIELDS } from './fields';

export const { description, execute } = updateOperation(SAMPLE, SAMPLE_FIELDS);

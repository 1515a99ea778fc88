import { getManyOperation } from '../recordOperations';
import { SAMPLE } from '../records';
import { SAMPLE_FIELDS } from './fields';

export const { description, execute } = getManyOperation(SAMPLE, SAMPLE_FIELDS);

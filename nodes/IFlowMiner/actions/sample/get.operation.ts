import { getOperation } from '../recordOperations';
import { SAMPLE } from '../records';

export const { description, execute } = getOperation(SAMPLE);

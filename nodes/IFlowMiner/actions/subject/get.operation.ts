import { getOperation } from '../recordOperations';
import { SUBJECT } from '../records';

export const { description, execute } = getOperation(SUBJECT);

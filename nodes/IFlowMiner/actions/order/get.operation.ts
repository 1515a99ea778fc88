import { getOperation } from '../recordOperations';
import { ORDER } from '../records';

export const { description, execute } = getOperation(ORDER);

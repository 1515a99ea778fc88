import { updateOperation } from '../recordOperations';
import { ORDER } from '../records';
import { ORDER_FIELDS } from './fields';

export const { description, execute } = updateOperation(ORDER, ORDER_FIELDS);

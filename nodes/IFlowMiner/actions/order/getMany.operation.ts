import { getManyOperation } from '../recordOperations';
import { ORDER } from '../records';
import { ORDER_FIELDS } from './fields';

export const { description, execute } = getManyOperation(ORDER, ORDER_FIELDS);

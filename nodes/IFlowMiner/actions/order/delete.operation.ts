import { deleteOperation } from '../recordOperations';
import { ORDER } from '../records';

export const { description, execute } = deleteOperation(
	ORDER,
	'The order to delete permanently, with its sample links (the samples stay). Only orders in status Created or Cancelled; needs the project Admin role.',
);

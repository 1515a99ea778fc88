import { deleteOperation } from '../recordOperations';
import { SAMPLE } from '../records';

export const { description, execute } = deleteOperation(
	SAMPLE,
	'The sample to delete permanently. iFlow refuses while it is on an order that is not cancelled.',
);

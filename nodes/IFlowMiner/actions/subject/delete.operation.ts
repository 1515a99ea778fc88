import { deleteOperation } from '../recordOperations';
import { SUBJECT } from '../records';

export const { description, execute } = deleteOperation(
	SUBJECT,
	'The subject to delete. Its samples are deleted with it; iFlow refuses while one of them is on an order that is not cancelled.',
);

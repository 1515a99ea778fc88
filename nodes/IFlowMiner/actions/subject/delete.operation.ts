import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { deleteRecord, SUBJECT } from '../records';

const show = { resource: ['subject'], operation: ['delete'] };

export const description: INodeProperties[] = [
	{
		...recordLocator(
			'subjectId',
			'Subject',
			'searchSubjects',
			'The subject to delete. Its samples are deleted with it; iFlow refuses while one of them is on an order that is not cancelled.',
		),
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await deleteRecord(this, SUBJECT, itemIndex);
}

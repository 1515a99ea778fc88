import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { SUBJECT, updateRecord } from '../records';
import { subjectFieldOptions, UPDATE_SPECS } from './fields';

const show = { resource: ['subject'], operation: ['update'] };

export const description: INodeProperties[] = [
	{ ...recordLocator('subjectId', 'Subject', 'searchSubjects'), displayOptions: { show } },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: subjectFieldOptions(true),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await updateRecord(this, SUBJECT, itemIndex, UPDATE_SPECS);
}

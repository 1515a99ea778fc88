import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { getRecord, SUBJECT } from '../records';

const show = { resource: ['subject'], operation: ['get'] };

export const description: INodeProperties[] = [
	{ ...recordLocator('subjectId', 'Subject', 'searchSubjects'), displayOptions: { show } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getRecord(this, SUBJECT, itemIndex);
}

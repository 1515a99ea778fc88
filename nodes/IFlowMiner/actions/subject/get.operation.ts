import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator, simplifyField } from '../../../shared/descriptions';
import { getRecord, SUBJECT } from '../records';

const show = { resource: ['subject'], operation: ['get'] };

export const description: INodeProperties[] = [
	{ ...recordLocator('subjectId', 'Subject', 'searchSubjects'), displayOptions: { show } },
	simplifyField({ show }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getRecord(this, SUBJECT, itemIndex);
}

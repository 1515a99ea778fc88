import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireString } from '../../../shared/helpers';
import { buildBody } from '../../helpers/values';
import { createRecord, SUBJECT } from '../records';
import { SUBJECT_SPECS, subjectFieldOptions } from './fields';

const show = { resource: ['subject'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Display ID',
		name: 'displayId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'SUB-2026-001',
		description: 'Human-readable subject (patient) ID, unique in the project',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: subjectFieldOptions(false),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const displayId = requireString(this, 'displayId', 'Display ID', itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = { display_id: displayId, ...buildBody(this, itemIndex, SUBJECT_SPECS, fields) };
	return await createRecord(this, SUBJECT, itemIndex, body);
}

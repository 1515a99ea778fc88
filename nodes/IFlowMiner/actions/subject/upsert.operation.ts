import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireString } from '../../../shared/helpers';
import { buildBody } from '../../helpers/values';
import { SUBJECT, upsertRecord } from '../records';
import { SUBJECT_SPECS, subjectFieldOptions } from './fields';

const show = { resource: ['subject'], operation: ['upsert'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Match On',
		name: 'matchOn',
		type: 'options',
		options: [
			{
				name: 'Display ID',
				value: 'displayId',
				description: 'Find the subject by its display ID (unique in the project)',
			},
			{
				name: 'External ID',
				value: 'externalId',
				description: "Find the subject by its ID in your LIMS (the subject's External ID)",
			},
		],
		default: 'displayId',
		description: 'How to recognise a subject that already exists; it is updated instead of created again',
		displayOptions: { show },
	},
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
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		required: true,
		default: '',
		description: "The subject's ID in your LIMS; used to find it",
		displayOptions: { show: { ...show, matchOn: ['externalId'] } },
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
	const matchOn = this.getNodeParameter('matchOn', itemIndex, 'displayId') as string;
	// Matching on External ID: the top-level field wins over an Additional Fields copy.
	const specs = matchOn === 'externalId' ? SUBJECT_SPECS.filter((s) => s.key !== 'external_id') : SUBJECT_SPECS;
	const body = { display_id: displayId, ...buildBody(this, itemIndex, specs, fields) };
	return await upsertRecord(this, SUBJECT, itemIndex, body);
}

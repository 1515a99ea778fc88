import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SAMPLE, upsertRecord } from '../records';
import { sampleBody } from './create.operation';
import { sampleFieldOptions, sampleRequiredFields } from './fields';

const show = { resource: ['sample'], operation: ['upsert'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Match On',
		name: 'matchOn',
		type: 'options',
		options: [
			{
				name: 'Display ID',
				value: 'displayId',
				description: 'Find the sample by its display ID (unique in the project)',
			},
			{
				name: 'External ID',
				value: 'externalId',
				description: "Find the sample by its ID in your LIMS (the sample's External ID)",
			},
		],
		default: 'displayId',
		description: 'How to recognise a sample that already exists; it is updated instead of created again',
		displayOptions: { show },
	},
	...sampleRequiredFields(show),
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		required: true,
		default: '',
		description: "The sample's ID in your LIMS; used to find it",
		displayOptions: { show: { ...show, matchOn: ['externalId'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: sampleFieldOptions(false),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const matchOn = this.getNodeParameter('matchOn', itemIndex, 'displayId') as string;
	return await upsertRecord(this, SAMPLE, itemIndex, sampleBody(this, itemIndex, matchOn === 'externalId'));
}

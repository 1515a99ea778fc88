import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { SEXES } from '../../helpers/enums';
import { buildBody } from '../../helpers/values';
import { getManyRecords, SUBJECT } from '../records';

const show = { resource: ['subject'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllOrLimit({ show }),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Part of the display ID or external ID (case-insensitive)',
			},
			{
				displayName: 'Sex',
				name: 'sex',
				type: 'options',
				options: [
					{ name: 'Female', value: 'female' },
					{ name: 'Male', value: 'male' },
					{ name: 'Other', value: 'other' },
					{ name: 'Unknown', value: 'unknown' },
				],
				default: 'female',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = buildBody(
		this,
		itemIndex,
		[
			{ param: 'search', key: 'search', label: 'Search', kind: 'string' },
			{ param: 'sex', key: 'sex', label: 'Sex', kind: 'enum', values: SEXES },
		],
		filters,
	);
	// sex is INFERRED (reference §9.1).
	const { search, sex, ...documented } = qs;
	return await getManyRecords(this, SUBJECT, itemIndex, { qs: documented, filters: { sex }, search });
}

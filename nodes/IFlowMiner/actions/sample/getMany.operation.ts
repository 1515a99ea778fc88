import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { SAMPLE_TYPES } from '../../helpers/enums';
import { buildBody } from '../../helpers/values';
import { getManyRecords, SAMPLE } from '../records';

const show = { resource: ['sample'], operation: ['getMany'] };

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
				displayName: 'Sample Type',
				name: 'sampleType',
				type: 'options',
				options: [
					{ name: 'FFPE', value: 'ffpe' },
					{ name: 'Germline', value: 'germline' },
					{ name: 'Liquid Biopsy', value: 'liquid_biopsy' },
					{ name: 'Somatic', value: 'somatic' },
					{ name: 'Unknown', value: 'unknown' },
				],
				default: 'germline',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Part of the display ID, external ID or barcode (case-insensitive)',
			},
			{
				displayName: 'Subject ID',
				name: 'subjectId',
				type: 'string',
				default: '',
				description: 'Only samples of this subject (its iFlow ID, a UUID)',
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
			{ param: 'sampleType', key: 'sample_type', label: 'Sample Type', kind: 'enum', values: SAMPLE_TYPES },
			{ param: 'subjectId', key: 'subject_id', label: 'Subject ID', kind: 'id' },
		],
		filters,
	);
	// subject_id is INFERRED (reference §9.2); sample_type is documented.
	const { search, subject_id, ...documented } = qs;
	return await getManyRecords(this, SAMPLE, itemIndex, { qs: documented, filters: { subject_id }, search });
}

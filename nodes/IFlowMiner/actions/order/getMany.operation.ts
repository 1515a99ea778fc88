import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { LEGACY_PRIORITIES, LEGACY_STATUSES, MODES, ORDER_STATUSES, PRIORITIES } from '../../helpers/enums';
import { buildBody } from '../../helpers/values';
import { getManyRecords, ORDER } from '../records';

const show = { resource: ['order'], operation: ['getMany'] };

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
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [
					{ name: 'Hereditary', value: 'hereditary' },
					{ name: 'Somatic', value: 'somatic' },
				],
				default: 'hereditary',
			},
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				options: [
					{ name: 'High', value: 'high' },
					{ name: 'Low', value: 'low' },
					{ name: 'Medium', value: 'medium' },
				],
				default: 'high',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Part of the display ID, accession number or external ID (case-insensitive)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Analyzing', value: 'analyzing' },
					{ name: 'Cancelled', value: 'cancelled' },
					{ name: 'Completed', value: 'completed' },
					{ name: 'Created', value: 'created' },
					{ name: 'Review', value: 'review' },
					{ name: 'Sign Off', value: 'sign_off' },
				],
				default: 'created',
				description: 'Orders in this status (older records with legacy status names are included)',
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
			// Legacy status names are valid list filters too: send them as given.
			{
				param: 'status',
				key: 'status',
				label: 'Status',
				kind: 'enum',
				values: [...ORDER_STATUSES, ...Object.keys(LEGACY_STATUSES)],
			},
			{
				param: 'priority',
				key: 'priority',
				label: 'Priority',
				kind: 'enum',
				values: PRIORITIES,
				aliases: LEGACY_PRIORITIES,
			},
			{ param: 'mode', key: 'mode', label: 'Mode', kind: 'enum', values: MODES },
		],
		filters,
	);
	// mode is INFERRED (reference §9.3); status, priority and search are documented.
	const { search, mode, ...documented } = qs;
	return await getManyRecords(this, ORDER, itemIndex, { qs: documented, filters: { mode }, search });
}

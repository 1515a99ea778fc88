import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { LEGACY_PRIORITIES, MODES, PRIORITIES } from '../../helpers/enums';
import type { FieldSpec } from '../../helpers/values';

export const ORDER_SPECS: readonly FieldSpec[] = [
	{
		param: 'priority',
		key: 'priority',
		label: 'Priority',
		kind: 'enum',
		values: PRIORITIES,
		aliases: LEGACY_PRIORITIES,
	},
	{ param: 'mode', key: 'mode', label: 'Mode', kind: 'enum', values: MODES },
	{ param: 'accessionNumber', key: 'accession_number', label: 'Accession Number', kind: 'string' },
	{ param: 'externalId', key: 'external_id', label: 'External ID', kind: 'string' },
	{ param: 'description', key: 'description', label: 'Description', kind: 'string' },
	{ param: 'indication', key: 'indication', label: 'Clinical Indication', kind: 'string' },
	{ param: 'testType', key: 'test_type', label: 'Test Type', kind: 'string' },
	{ param: 'orderingProvider', key: 'ordering_provider', label: 'Ordering Provider', kind: 'string' },
	{ param: 'orderingFacility', key: 'ordering_facility', label: 'Ordering Facility', kind: 'string' },
	{ param: 'receivedDate', key: 'received_date', label: 'Received Date', kind: 'date' },
	{ param: 'dueDate', key: 'due_date', label: 'Due Date', kind: 'date' },
	{ param: 'tags', key: 'tags', label: 'Tags', kind: 'tags' },
	{ param: 'properties', key: 'properties', label: 'Properties (JSON)', kind: 'json' },
];

export const UPDATE_SPECS: readonly FieldSpec[] = [
	{ param: 'displayId', key: 'display_id', label: 'Display ID', kind: 'string' },
	...ORDER_SPECS,
];

export const orderLocator = (show: Record<string, string[]>, description?: string): INodeProperties => ({
	...recordLocator('orderId', 'Order', 'searchOrders', description),
	displayOptions: { show },
});

export function orderFieldOptions(forUpdate: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Accession Number',
			name: 'accessionNumber',
			type: 'string',
			default: '',
			placeholder: 'ACC-2026-001',
			description: 'The accession number the lab gave the request on receipt',
		},
		{
			displayName: 'Clinical Indication',
			name: 'indication',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			placeholder: 'Suspected BRCA1 variant',
			description: 'Why the test was ordered, as on the request form',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			placeholder: 'Trio WES, urgent',
			description: 'Free-text note shown with the order in iFlow',
		},
		{
			displayName: 'Due Date',
			name: 'dueDate',
			type: 'dateTime',
			default: '',
			description: 'Sent as a date (YYYY-MM-DD)',
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description: "The order's ID in your LIMS",
		},
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{ name: 'Hereditary', value: 'hereditary' },
				{ name: 'Somatic', value: 'somatic' },
			],
			default: 'hereditary',
			description: 'Selects the report template',
		},
		{
			displayName: 'Ordering Facility',
			name: 'orderingFacility',
			type: 'string',
			default: '',
			placeholder: 'City General Hospital',
			description: 'The hospital or clinic that sent the request',
		},
		{
			displayName: 'Ordering Provider',
			name: 'orderingProvider',
			type: 'string',
			default: '',
			placeholder: 'Dr. Jane Smith',
			description: 'The clinician who ordered the test',
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
			default: 'medium',
			description: 'Older names routine, urgent and stat are accepted in expressions and sent as low, medium, high',
		},
		{
			displayName: 'Properties (JSON)',
			name: 'properties',
			type: 'json',
			default: '{}',
			description: 'Free fields as a JSON object. On update, keys are merged into the existing properties.',
		},
		{
			displayName: 'Received Date',
			name: 'receivedDate',
			type: 'dateTime',
			default: '',
			description: 'Sent as a date (YYYY-MM-DD)',
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'hereditary, wes',
			description: 'Comma-separated tags (replace the existing tags on update)',
		},
		{
			displayName: 'Test Type',
			name: 'testType',
			type: 'string',
			default: '',
			placeholder: 'WES',
			description: 'The test ordered (e.g. WES, WGS, panel name)',
		},
	];
	if (!forUpdate) return fields;
	return [
		{
			displayName: 'Display ID',
			name: 'displayId',
			type: 'string',
			default: '',
			description: 'New human-readable ID (unique in the project; frozen once the order has files)',
		},
		...fields,
	];
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { UUID_PATTERN } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { flowRequest, listItems } from '../../../shared/transport';

const UUID_VALIDATION = [
	{
		type: 'regex' as const,
		properties: { regex: UUID_PATTERN.source, errorMessage: 'Not a valid iFlow ID (a UUID)' },
	},
];

/** The report to act on: from the list, by its ID, or as "the report of this order". */
export function reportField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Report',
		name: 'report',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			"The report, or the order it belongs to (one report per order): pick it from the list, paste the report's ID (a UUID, as output by iFlow Report › Get Many), or choose By Order ID and paste the order's ID (iFlow Miner › Order › Get)",
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a report…',
				typeOptions: { searchListMethod: 'searchReports', searchable: true, searchFilterRequired: false },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'd1f0a2b3-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
				validation: UUID_VALIDATION,
			},
			{
				displayName: 'By Order ID',
				name: 'order',
				type: 'string',
				placeholder: 'ID of the order the report belongs to',
				validation: UUID_VALIDATION,
			},
		],
	};
}

/** The report's ID; in "By Order ID" mode it is looked up by the order (checked before any request). */
export async function resolveReportId(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const locator = ctx.getNodeParameter('report', itemIndex, {}, { extractValue: false }) as unknown;
	const id = requireId(ctx, 'report', 'Report', itemIndex);
	if (!locator || typeof locator !== 'object' || (locator as IDataObject).mode !== 'order') return id;

	const body = await flowRequest.call(ctx, {
		service: 'report',
		method: 'GET',
		path: '/reports',
		qs: { order_id: id, limit: 1 },
		project: 'required',
		itemIndex,
	});
	const [report] = listItems(body);
	if (!report?.id) {
		throw new NodeOperationError(ctx.getNode(), `Order ${id} has no report yet`, {
			itemIndex,
			description: 'iFlow creates the report when the order enters review (or sign-off, if review is skipped).',
		});
	}
	return String(report.id);
}

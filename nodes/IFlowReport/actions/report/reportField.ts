import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemProject } from '../../../shared/project';
import { UUID_PATTERN } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { flowRequestAll } from '../../../shared/transport';
import { REPORT_ROUTES } from './reportApi';

const UUID_VALIDATION = [
	{
		type: 'regex' as const,
		properties: { regex: UUID_PATTERN.source, errorMessage: 'Not a valid iFlow ID (a UUID)' },
	},
];

/** The report to act on: from the list, by its ID, or as "the report of this order". */
export function reportField(): INodeProperties {
	return {
		displayName: 'Report',
		name: 'report',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			"The report, or the order it belongs to (one report per order): pick it from the list, paste the report's ID (a UUID, as output by iFlow Report › Get Many), or choose By Order ID and paste the order's ID (iFlow Miner › Order › Get)",
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

/** How the report was given: 'list', 'id' or 'order' (By Order ID). */
export function reportLocatorMode(ctx: IExecuteFunctions, itemIndex: number): string {
	const locator = ctx.getNodeParameter('report', itemIndex, {}, { extractValue: false }) as unknown;
	return locator && typeof locator === 'object' ? String((locator as IDataObject).mode ?? 'id') : 'id';
}

/**
 * The report's ID; in "By Order ID" mode it is looked up by the order (the ID is checked before
 * any request). The lookup is part of the report API: `instead` says what to use without it.
 */
export async function resolveReportId(ctx: IExecuteFunctions, itemIndex: number, instead: string): Promise<string> {
	const id = requireId(ctx, 'report', 'Report', itemIndex);
	if (reportLocatorMode(ctx, itemIndex) !== 'order') return id;

	// `order_id` is sent when the server lists it, else matched here: never another order's report.
	const [report] = await flowRequestAll.call(ctx, {
		service: 'report',
		path: REPORT_ROUTES.list.path,
		filters: { order_id: id },
		returnAll: false,
		limit: 1,
		project: 'required',
		projectId: itemProject(ctx, itemIndex),
		itemIndex,
		beyondReference: { instead },
	});
	if (!report?.id) {
		throw new NodeOperationError(ctx.getNode(), `Order ${id} has no report yet`, {
			itemIndex,
			description: 'iFlow creates the report when the order enters review (or sign-off, if review is skipped).',
		});
	}
	return String(report.id);
}

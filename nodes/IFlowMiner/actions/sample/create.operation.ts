import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId, requireString } from '../../../shared/helpers';
import { buildBody } from '../../helpers/values';
import { createRecord, SAMPLE } from '../records';
import { SAMPLE_SPECS, sampleFieldOptions, sampleRequiredFields } from './fields';

const show = { resource: ['sample'], operation: ['create'] };

export const description: INodeProperties[] = [
	...sampleRequiredFields(show),
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

/** The body of a sample create: subject, display ID and the optional fields, all checked. */
export function sampleBody(ctx: IExecuteFunctions, itemIndex: number, skipExternalId = false): IDataObject {
	const subjectId = requireId(ctx, 'subjectId', 'Subject', itemIndex);
	const displayId = requireString(ctx, 'displayId', 'Display ID', itemIndex);
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const specs = skipExternalId ? SAMPLE_SPECS.filter((s) => s.key !== 'external_id') : SAMPLE_SPECS;
	return { subject_id: subjectId, display_id: displayId, ...buildBody(ctx, itemIndex, specs, fields) };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await createRecord(this, SAMPLE, itemIndex, sampleBody(this, itemIndex));
}

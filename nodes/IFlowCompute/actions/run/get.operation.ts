import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectLocator } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { flowRequest } from '../../../shared/transport';
import { runIdField } from '../fields';

const show = { resource: ['run'], operation: ['get'] };

export const description: INodeProperties[] = [{ ...projectLocator, displayOptions: { show } }, runIdField({ show })];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const runId = requireId(this, 'runId', 'Run ID', itemIndex);
	return (await flowRequest.call(this, {
		service: 'compute',
		method: 'GET',
		path: `/runs/${runId}`,
		project: 'optional',
		itemIndex,
	})) as IDataObject;
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectLocator } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { runIdField } from '../fields';
import { getRun } from '../../helpers/computeApi';

const show = { resource: ['run'], operation: ['get'] };

export const description: INodeProperties[] = [{ ...projectLocator, displayOptions: { show } }, runIdField({ show })];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const runId = requireId(this, 'runId', 'Run ID', itemIndex);
	return await getRun(this, runId, itemIndex);
}

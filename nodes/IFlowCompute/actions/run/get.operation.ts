import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { runIdField } from '../fields';
import { getRun } from '../../helpers/computeApi';

const properties: INodeProperties[] = [projectField(), runIdField()];

const displayOptions = { show: { resource: ['run'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const runId = requireId(this, 'runId', 'Run ID', itemIndex);
	return await getRun(this, runId, itemIndex);
}

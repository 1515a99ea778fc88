import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectLocator } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { waitForRun } from '../../helpers/wait';
import { runIdField } from '../fields';
import { readWaitSettings, waitFields } from './wait.fields';

const show = { resource: ['run'], operation: ['waitForCompletion'] };

export const description: INodeProperties[] = [
	{ ...projectLocator, displayOptions: { show } },
	runIdField({ show }),
	...waitFields({ show }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const runId = requireId(this, 'runId', 'Run ID', itemIndex);
	const settings = readWaitSettings(this, itemIndex);
	return await waitForRun.call(this, runId, itemIndex, settings);
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { waitForRun } from '../../helpers/wait';
import { runIdField } from '../fields';
import { readWaitSettings, waitFields } from './wait.fields';

const properties: INodeProperties[] = [
	projectField(),
	runIdField(),
	...waitFields(),
	{
		displayName: 'Output Failed Runs',
		name: 'outputFailedRuns',
		type: 'boolean',
		default: false,
		description:
			'Whether a run that ends failed or cancelled is output (branch on its status) instead of failing the item. Useful after a Wait node: the check returns at once for a run that already ended.',
	},
];

const displayOptions = { show: { resource: ['run'], operation: ['waitForCompletion'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const runId = requireId(this, 'runId', 'Run ID', itemIndex);
	const settings = readWaitSettings(this, itemIndex);
	const outputFailed = this.getNodeParameter('outputFailedRuns', itemIndex, false) as boolean;
	return await waitForRun.call(this, runId, itemIndex, { ...settings, outputFailed });
}

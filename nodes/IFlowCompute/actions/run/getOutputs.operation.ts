import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { listItems } from '../../../shared/transport';
import { withDownloadUrls } from '../../helpers/outputs';
import { downloadUrlsField, runIdField } from '../fields';
import { getRun, getRunOutputs } from '../../helpers/computeApi';

const properties: INodeProperties[] = [projectField(), runIdField(), downloadUrlsField()];

const displayOptions = { show: { resource: ['run'], operation: ['getOutputs'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** One item per semantic output (WDL runs that succeeded); none when Flow has none. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const runId = requireId(this, 'runId', 'Run ID', itemIndex);
	const downloadUrls = this.getNodeParameter('downloadUrls', itemIndex, false) as boolean;
	const body = await getRunOutputs(this, runId, itemIndex);
	let outputs: IDataObject[] = listItems(body, 'outputs').map((output) => ({ run_id: runId, ...output }));
	if (downloadUrls && outputs.length) {
		const run = await getRun(this, runId, itemIndex);
		outputs = await withDownloadUrls(this, run, outputs, itemIndex);
	}
	return outputs;
}

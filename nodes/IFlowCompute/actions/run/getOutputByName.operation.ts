import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField, recordLocator } from '../../../shared/descriptions';
import { requireId, requireString } from '../../../shared/helpers';
import { listItems } from '../../../shared/transport';
import { withDownloadUrls } from '../../helpers/outputs';
import { runIdField } from '../fields';
import { latestSuccessfulRun } from './getLatestSuccessful.operation';
import { getRun, getRunOutputs } from '../../helpers/computeApi';

const downloadUrlField: INodeProperties = {
	displayName: 'Add Download URL',
	name: 'downloadUrls',
	type: 'boolean',
	default: false,
	description:
		"Whether to add a signed download URL (valid about an hour) for a File output. The link is a bearer secret: anyone who can read this execution's data can download the file with it until it expires. Turn it on only when the next node needs the link.",
};

const properties: INodeProperties[] = [
	projectField(),
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		default: 'order',
		options: [
			{
				name: 'Latest Successful Run of an Order',
				value: 'order',
				description: 'The newest succeeded run linked to the order',
			},
			{ name: 'Run', value: 'run', description: 'A run by its ID' },
		],
	},
	{ ...recordLocator('order', 'Order', 'searchOrders'), displayOptions: { show: { source: ['order'] } } },
	runIdField({ show: { source: ['run'] } }),
	{
		displayName: 'Output Name',
		name: 'outputName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'annotated_vcf_gz',
		description: "The output's semantic name from the pipeline (e.g. annotated_vcf_gz, report)",
	},
	// Version 1 added the link by default; 1.1 (new nodes) asks for it. Saved v1 nodes keep their
	// behaviour: n8n stores only non-default values, so changing v1's default would drop their links.
	{ ...downloadUrlField, default: true, displayOptions: { show: { '@version': [1] } } },
	{ ...downloadUrlField, default: false, displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } } },
];

const displayOptions = { show: { resource: ['run'], operation: ['getOutputByName'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** The CLI's "output X of order Y" chain in one step: run → outputs → match name → signed URL. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const source = this.getNodeParameter('source', itemIndex) as string;
	const orderId = source === 'order' ? requireId(this, 'order', 'Order', itemIndex) : undefined;
	const runId = source === 'run' ? requireId(this, 'runId', 'Run ID', itemIndex) : undefined;
	const name = requireString(this, 'outputName', 'Output Name', itemIndex);
	const downloadUrls = this.getNodeParameter('downloadUrls', itemIndex, this.getNode().typeVersion < 1.1) as boolean;

	const run = orderId
		? await latestSuccessfulRun.call(this, orderId, itemIndex)
		: await getRun(this, runId as string, itemIndex);
	const body = await getRunOutputs(this, String(run.id), itemIndex);
	const outputs = listItems(body, 'outputs');
	const output =
		outputs.find((o) => o.name === name) ?? outputs.find((o) => String(o.name).toLowerCase() === name.toLowerCase());
	if (!output) {
		const available = outputs.map((o) => String(o.name)).join(', ');
		throw new NodeOperationError(this.getNode(), `Run ${String(run.id)} has no output named "${name}"`, {
			itemIndex,
			description: available
				? `Outputs of this run: ${available}.`
				: `The run has no outputs${body?.message ? `: ${String(body.message)}` : ''} (status ${String(run.status)}).`,
		});
	}
	const [result] = downloadUrls ? await withDownloadUrls(this, run, [output], itemIndex) : [output];
	return { run_id: run.id, run_name: run.name ?? null, order_id: run.order_id ?? null, ...result };
}

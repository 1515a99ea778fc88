import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, projectField, recordLocator } from '../../../shared/descriptions';
import { optionalId, parseJsonParameter, splitTags } from '../../../shared/helpers';
import { requiredProject } from '../../../shared/project';
import { toNodeError } from '../../../shared/router';
import { flowRequest } from '../../../shared/transport';
import { createOnce } from '../../../shared/transport/reconcile';
import { pairsToParams } from '../../helpers/runs';
import { submitKey, submitKeyTag } from '../../helpers/submitKey';
import { waitForRun } from '../../helpers/wait';
import { pipelineField, readPipelineSlug, versionField } from '../fields';
import { readWaitSettings, waitFields } from './wait.fields';

const properties: INodeProperties[] = [
	projectField(),
	pipelineField(),
	versionField(),
	{
		displayName: 'Specify Parameters',
		name: 'specifyParameters',
		type: 'options',
		default: 'keypair',
		options: [
			{ name: 'Using Fields Below', value: 'keypair' },
			{ name: 'Using JSON', value: 'json' },
		],
	},
	{
		displayName: 'Parameters',
		name: 'parameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		description:
			'Workflow inputs. Values are sent as text; a name given twice becomes a list. File inputs are gs:// URIs. Use JSON for numbers or nested values.',
		displayOptions: { show: { specifyParameters: ['keypair'] } },
		options: [
			{
				name: 'parameter',
				displayName: 'Parameter',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'case_id',
						description: "Input name from the pipeline's documentation",
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'patient-001',
						description: 'Text, or a gs:// URI of a file in the project bucket',
					},
				],
			},
		],
	},
	{
		displayName: 'Parameters (JSON)',
		name: 'parametersJson',
		type: 'json',
		default: '{}',
		description: 'Workflow inputs as a JSON object, e.g. {"case_id": "patient-001"}',
		displayOptions: { show: { specifyParameters: ['json'] } },
	},
	{
		...recordLocator('order', 'Order', 'searchOrders', 'Link the run to this order (optional)'),
		required: false,
	},
	{
		displayName: 'Callback',
		name: 'callback',
		type: 'options',
		default: 'none',
		options: [
			{ name: 'Custom URL', value: 'url', description: 'The run result is POSTed to a URL of your choice' },
			{ name: 'None', value: 'none' },
			{
				name: 'Resume This Execution',
				value: 'resume',
				description:
					"Send this execution's resume URL; follow this node with a Wait node set to Resume: On Webhook Call (POST)",
			},
		],
		description: 'Whom iFlow notifies when the run ends',
	},
	{
		displayName:
			"Add n8n's Wait node right after this node, set to Resume: On Webhook Call with HTTP Method POST. When the run ends, iFlow calls this execution's resume URL and the Wait node outputs what iFlow sent. One run per execution; leave Wait for Completion off.",
		name: 'resumeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { callback: ['resume'] } },
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://lims.example.org/flow-callback',
		description: 'Where iFlow POSTs the run result when the run ends (e.g. your LIMS, or an n8n Webhook node URL)',
		displayOptions: { show: { callback: ['url'] } },
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait here until the run ends and output it with its outputs (fails if the run fails). Occupies a worker while waiting; prefer the callback for long runs. Not with Callback › Resume This Execution.',
	},
	{
		displayName:
			'Wait for Completion and Callback › Resume This Execution do not go together: this node will refuse to run. Turn Wait for Completion off (the Wait node after this one waits instead), or set Callback to None.',
		name: 'resumeAndWaitNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { callback: ['resume'], waitForCompletion: [true] } },
	},
	...waitFields({ show: { waitForCompletion: [true] } }),
	optionsCollection([
		{
			displayName: 'Profile',
			name: 'profile',
			type: 'string',
			default: '',
			placeholder: 'gcp',
			description: "Override the pipeline's Nextflow profile",
		},
		{
			displayName: 'Tag With Workflow and Execution IDs',
			name: 'stampExecution',
			type: 'boolean',
			default: true,
			description:
				"Whether to add the tags n8n-workflow:&lt;ID&gt; and n8n-execution:&lt;ID&gt;, so iFlow's audit trail points back to this automation",
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'lis, urgent',
			description: 'Comma-separated tags for the run',
		},
	]),
];

const displayOptions = { show: { resource: ['run'], operation: ['submit'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function readParams(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	if (ctx.getNodeParameter('specifyParameters', itemIndex, 'keypair') === 'json') {
		const parsed = parseJsonParameter(ctx, 'parametersJson', 'Parameters (JSON)', itemIndex) ?? {};
		if (Array.isArray(parsed)) {
			throw new NodeOperationError(ctx.getNode(), "'Parameters (JSON)' must be a JSON object, not a list", {
				itemIndex,
			});
		}
		return parsed;
	}
	return pairsToParams(
		ctx.getNodeParameter('parameters.parameter', itemIndex, []) as Array<{ name: string; value: string }>,
	);
}

function readCallbackUrl(ctx: IExecuteFunctions, itemIndex: number, wait: boolean): string | undefined {
	const mode = ctx.getNodeParameter('callback', itemIndex, 'none') as string;
	if (mode === 'resume' && wait) {
		// Polling here keeps the execution running, so iFlow's call to the resume URL would come
		// before the Wait node is waiting for it, and be lost.
		throw new NodeOperationError(
			ctx.getNode(),
			"'Callback' is Resume This Execution and 'Wait for Completion' is on: use one of them",
			{
				itemIndex,
				description:
					'For runs of minutes, keep Wait for Completion and set Callback to None. For long runs, keep Resume This Execution, turn Wait for Completion off and follow this node with a Wait node (Resume: On Webhook Call, POST).',
			},
		);
	}
	if (mode === 'resume') {
		// The Wait node after us resumes once: a second run's callback would find nothing to resume.
		if (ctx.getInputData().length > 1) {
			throw new NodeOperationError(
				ctx.getNode(),
				'\'Callback\' "Resume this execution" works for one run per execution, but this node got several items',
				{
					itemIndex,
					description:
						'Submit each run from its own execution (e.g. an Execute Workflow node calling a sub-workflow per item), or use a Custom URL callback or Wait for Completion.',
				},
			);
		}
		return String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex));
	}
	if (mode !== 'url') return undefined;
	const url = String(ctx.getNodeParameter('callbackUrl', itemIndex, '') ?? '').trim();
	if (!/^https?:\/\/\S+$/i.test(url)) {
		throw new NodeOperationError(ctx.getNode(), `'Callback URL' must be an http(s) URL, got "${url}"`, { itemIndex });
	}
	return url;
}

/** Connection broke (or 502/504) during POST /runs: iFlow may have created the run; say how to check. */
function explainUnsure(ctx: IExecuteFunctions, error: unknown, tags: string[], orderId: string | undefined) {
	if (!(error instanceof NodeApiError)) return;
	const code = Number(error.httpCode ?? 0);
	if (code && code !== 502 && code !== 504) return;
	const marker = tags.find((tag) => tag.startsWith('n8n-execution:'));
	const where = [
		orderId ? `the runs of order ${orderId} (Run → Get Runs of Order)` : '',
		"the project's newest runs (Run → Get Many)",
	]
		.filter(Boolean)
		.join(' and ');
	error.description = `The run was NOT submitted again automatically: iFlow may already have created it, and a second submission would start a duplicate run. Check ${where}${marker ? ` for a run tagged ${marker}` : ''} before running this again.`;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// Read and check everything before the first request.
	const slug = readPipelineSlug(this, itemIndex);
	const version = String(this.getNodeParameter('version', itemIndex, '') ?? '').trim();
	const params = readParams(this, itemIndex);
	const orderId = optionalId(this, 'order', 'Order', itemIndex);
	const wait = this.getNodeParameter('waitForCompletion', itemIndex, false) as boolean;
	const callbackUrl = readCallbackUrl(this, itemIndex, wait);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const waitSettings = wait ? readWaitSettings(this, itemIndex) : undefined;
	const projectId = await requiredProject(this, itemIndex);
	const tags = splitTags(String(options.tags ?? ''));
	if (options.stampExecution !== false) {
		tags.push(`n8n-workflow:${String(this.getWorkflow().id ?? 'unsaved')}`);
		tags.push(`n8n-execution:${String(this.getExecutionId() ?? 'unknown')}`);
	}
	// The submission's natural key (a lost answer is looked up by it), stamped with the others.
	const keyTag = options.stampExecution !== false ? submitKeyTag(this, itemIndex) : undefined;
	if (keyTag) tags.push(keyTag);

	const pipeline = (await flowRequest.call(this, {
		service: 'compute',
		method: 'GET',
		path: `/pipelines/slug/${encodeURIComponent(slug)}`,
		qs: version ? { version } : {},
		project: 'optional',
		projectId,
		itemIndex,
	})) as IDataObject;

	const body: IDataObject = { pipeline_id: pipeline.id, params, tags };
	if (orderId) body.order_id = orderId;
	if (options.profile) body.profile = String(options.profile).trim();
	if (callbackUrl) body.callback_url = callbackUrl;

	const send = async () =>
		(await flowRequest.call(this, {
			service: 'compute',
			method: 'POST',
			path: '/runs',
			body,
			project: 'required',
			projectId,
			itemIndex,
		})) as IDataObject;
	let run: IDataObject;
	try {
		const key = keyTag ? submitKey(this, { tag: keyTag, projectId: String(projectId), itemIndex }) : undefined;
		run = await createOnce(this.getNode(), itemIndex, send, key);
	} catch (error) {
		if (!keyTag) explainUnsure(this, error, tags, orderId);
		throw toNodeError(this, error, itemIndex);
	}
	if (!waitSettings) return run;
	const finished = await waitForRun.call(this, String(run.id), itemIndex, waitSettings);
	return run.recovered ? { ...finished, recovered: true } : finished;
}

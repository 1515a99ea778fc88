// The table the contract suite (contract.test.ts) runs over: every operation of the seven action
// nodes, with what it needs to make a valid call, the request that call must send, and, where
// they apply, an ID no record has (the 404 case) and an input the node must refuse itself.
import type { INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { IFlowAdmin } from '../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { IFlowAudit } from '../../../nodes/IFlowAudit/IFlowAudit.node';
import { IFlowCompute } from '../../../nodes/IFlowCompute/IFlowCompute.node';
import { IFlowFiles } from '../../../nodes/IFlowFiles/IFlowFiles.node';
import { IFlowMiner } from '../../../nodes/IFlowMiner/IFlowMiner.node';
import { IFlowReport } from '../../../nodes/IFlowReport/IFlowReport.node';
import { IFlowVcf } from '../../../nodes/IFlowVcf/IFlowVcf.node';
import { PROJECT_A, PROJECT_B, type EmulatorHandle } from '../../helpers/emulator';
import { byId } from '../../helpers/suite';
import { bySlug, finishedRun, HEREDITARY_100, submitRun } from '../compute/fixtures';
import { seedFiles } from '../files/fixtures';
import { createOrder, createSample, createSubject } from '../miner/fixtures';
import { orderWithSamples as orderWithFastq } from '../miner/order/samples';
import { orderAt, signedOrder } from '../report/fixtures';
import { orderWithSamples } from '../vcf/fixtures';

/** Input the node refuses before any request, with this message (naming the field). */
export interface Invalid {
	parameters: (made: Made) => INodeParameters;
	/** The message (a pattern where the JavaScript engine words part of it). */
	error: string | RegExp;
	/** Overrides for the credentials (a project left out). */
	credentials?: Record<string, unknown>;
	/** How many input items (default 1): some inputs are refused only for several. */
	items?: number;
	/** A path in another bucket: the node reads the project's bucket (admin) first, nothing more. */
	readsBucket?: true;
	/** Checked only where the operation is offered (a server without it says so first). */
	offeredOnly?: true;
}

/** Records an operation's call needs, made through the API before the call (ids and paths). */
export type Made = Record<string, string>;

export interface Operation {
	node: INodeType;
	service: 'admin' | 'audit' | 'compute' | 'files' | 'miner' | 'report' | 'vcf';
	resource: string;
	operation: string;
	/** Make the records the call needs; `id` is the value the call targets (see `parameters`). */
	make?: (emu: EmulatorHandle) => Promise<Made>;
	/** The operation's parameters (without resource/operation) for the target `id`. */
	parameters: (id: string, made: Made) => INodeParameters;
	/** Input items of a valid call (default one empty item); `id` rides along as `json.id`. */
	item?: (id: string) => INodeExecutionData;
	/** The request a valid call must send, `METHOD /api/v1/...` (the service's path). */
	request: (made: Made) => string;
	/** The service that request goes to, when not the node's own. */
	requestService?: Operation['service'];
	/**
	 * An ID no record has: the call fails with the server's 404 and this message (`ownError`: the
	 * node's own not-found message, without an HTTP code).
	 */
	unknown?: { id: string; error: string; ownError?: true };
	/** Inputs the node refuses before any request. */
	invalid?: Invalid[];
	/** A server with only the published reference does not offer the operation (see docs/api-contract.md). */
	beyondReference?: true;
	/** The request in the documented profile, when the operation takes another (documented) route there. */
	documentedRequest?: (made: Made) => string;
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
/** A report, order or cache ID no record has (a valid UUID). */
const ABSENT = 'd1f0a2b3-4c5d-4e6f-8a9b-0c1d2e3f4a5b';

const admin = new IFlowAdmin();
const audit = new IFlowAudit();
const compute = new IFlowCompute();
const files = new IFlowFiles();
const miner = new IFlowMiner();
const report = new IFlowReport();
const vcf = new IFlowVcf();

/** Credentials without a project (none in the node either). */
const NO_PROJECT = { projectId: '' };
const NEW_PIPELINE = {
	name: 'Contract panel',
	slug: 'contract-panel',
	version: '1.0.0',
	sourceType: 'gitlab',
	sourceUrl: 'https://gitlab.example.org/pipelines/contract-panel.wdl',
};

const locator = (value: string) => ({ __rl: true, mode: 'id', value });
const HEREDITARY = { pipeline: bySlug('hereditary-mock') };
const text = (value: string): INodeExecutionData => ({
	json: {},
	binary: { data: { data: Buffer.from(value).toString('base64'), fileName: 'sheet.csv', mimeType: 'text/csv' } },
});

async function subject(emu: EmulatorHandle): Promise<Made> {
	return { id: String((await createSubject(emu, 'SUB-1')).id) };
}
async function sample(emu: EmulatorHandle): Promise<Made> {
	const { id: subjectId } = await subject(emu);
	return { id: String((await createSample(emu, subjectId, 'SAM-1')).id), subjectId };
}
async function order(emu: EmulatorHandle): Promise<Made> {
	return { id: String((await createOrder(emu, 'ORD-1')).id) };
}
async function orderAndSample(emu: EmulatorHandle): Promise<Made> {
	const { id: sampleId } = await sample(emu);
	return { id: String((await createOrder(emu, 'ORD-1')).id), sampleId };
}
async function linkedSample(emu: EmulatorHandle): Promise<Made> {
	const { id: sampleId } = await sample(emu);
	const made = await createOrder(emu, 'ORD-1', { samples: [{ sample_id: sampleId }] });
	return { id: String(made.id), sampleId };
}

/**
 * A Miner operation on one record picked by ID, `<METHOD> /<resource>s/{id}<suffix>`; the node
 * refuses `refused` (a display ID, or blank) in the ID field before any request.
 */
function minerRecord(
	resource: 'subject' | 'sample' | 'order',
	operation: string,
	method: string,
	suffix: string,
	refused: string,
): Operation {
	const label = resource[0].toUpperCase() + resource.slice(1);
	const field = `${resource}Id`;
	return {
		node: miner,
		service: 'miner',
		resource,
		operation,
		make: { subject, sample, order }[resource],
		parameters: (id) => ({ [field]: byId(id) }),
		request: (made) => `${method} /api/v1/${resource}s/${made.id}${suffix}`,
		unknown: { id: UNKNOWN, error: `Not found: ${label} not found` },
		invalid: [
			{
				parameters: () => ({ [field]: byId(`={{ "${refused}" }}`) }),
				error: refused.trim()
					? `'${label}' must be an iFlow ID (a UUID), got "${refused}"`
					: `'${label}' is empty: pick one from the list or enter its ID`,
			},
		],
	};
}

export const OPERATIONS: Operation[] = [
	// ── iFlow Admin ──
	{
		node: admin,
		service: 'admin',
		resource: 'organization',
		operation: 'getMany',
		parameters: () => ({ returnAll: true }),
		request: () => 'GET /api/v1/orgs',
	},
	{
		node: admin,
		service: 'admin',
		resource: 'project',
		operation: 'get',
		make: async () => ({ id: PROJECT_B }),
		parameters: (id) => ({ project: locator(id) }),
		request: () => `GET /api/v1/projects/${PROJECT_B}`,
		unknown: { id: UNKNOWN, error: 'Not found: Project not found' },
		invalid: [
			{
				parameters: () => ({ project: { __rl: true, mode: 'list', value: '' } }),
				credentials: NO_PROJECT,
				error: `No project selected: set the node's 'Project' field or the 'Default Project ID' of the iFlow API credential`,
			},
		],
	},
	{
		node: admin,
		service: 'admin',
		resource: 'project',
		operation: 'getMany',
		parameters: () => ({ returnAll: true }),
		request: () => 'GET /api/v1/projects',
	},
	{
		node: admin,
		service: 'admin',
		resource: 'project',
		operation: 'getCredentials',
		make: async () => ({ id: PROJECT_A }),
		parameters: (id) => ({ project: locator(id) }),
		request: () => `GET /api/v1/projects/${PROJECT_A}/credentials`,
	},
	{
		node: admin,
		service: 'admin',
		resource: 'user',
		operation: 'getDefaultContext',
		parameters: () => ({}),
		request: () => 'GET /api/v1/users/me/default-context',
	},
	{
		node: admin,
		service: 'admin',
		resource: 'user',
		operation: 'setDefaultContext',
		make: async () => ({ id: PROJECT_B }),
		parameters: (id) => ({ project: locator(id) }),
		request: () => 'PUT /api/v1/users/me/default-context',
		unknown: { id: UNKNOWN, error: 'Not found: Project not found' },
		invalid: [
			{
				parameters: () => ({ project: locator('={{ "" }}') }),
				error: `'Project' is empty: pick one from the list or enter its ID`,
			},
			{
				parameters: () => ({ project: locator('not-a-uuid') }),
				error: `'Project' must be an iFlow ID (a UUID), got "not-a-uuid"`,
			},
		],
	},
	// ── iFlow Audit ──
	{
		node: audit,
		service: 'audit',
		resource: 'event',
		operation: 'getMany',
		parameters: () => ({ returnAll: false, limit: 5 }),
		request: () => 'GET /api/v1/events',
		beyondReference: true,
		invalid: [
			{
				parameters: () => ({ returnAll: true, filters: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }),
				error: `'From' (2026-02-01T00:00:00.000Z) is after 'To' (2026-01-01T00:00:00.000Z)`,
			},
			{
				parameters: () => ({ returnAll: true, filters: { from: '={{ "yesterday-ish" }}' } }),
				error: `'From' is not a valid date and time: "yesterday-ish"`,
			},
		],
	},
	// ── iFlow Compute ──
	{
		node: compute,
		service: 'compute',
		resource: 'pipeline',
		operation: 'get',
		make: async () => ({ id: HEREDITARY_100 }),
		parameters: (id) => ({ pipelineId: id }),
		request: () => `GET /api/v1/pipelines/${HEREDITARY_100}`,
		unknown: { id: UNKNOWN, error: 'Not found: Pipeline not found' },
		invalid: [
			{
				parameters: () => ({ pipelineId: '={{ "hereditary-mock" }}' }),
				error: '\'Pipeline ID\' must be an iFlow ID (a UUID), got "hereditary-mock"',
			},
		],
	},
	{
		node: compute,
		service: 'compute',
		resource: 'pipeline',
		operation: 'getBySlug',
		make: async () => ({ id: 'hereditary-mock' }),
		parameters: (id) => ({ pipeline: bySlug(id), version: '' }),
		request: () => 'GET /api/v1/pipelines/slug/hereditary-mock',
		unknown: { id: 'no-such-pipeline', error: 'Not found: Pipeline no-such-pipeline not found' },
		invalid: [
			{
				parameters: () => ({ pipeline: bySlug('../admin'), version: '' }),
				error: '\'Pipeline\' must be a pipeline slug such as hereditary-mock, got "../admin"',
			},
		],
	},
	{
		node: compute,
		service: 'compute',
		resource: 'pipeline',
		operation: 'getMany',
		parameters: () => ({ returnAll: true }),
		request: () => 'GET /api/v1/pipelines',
	},
	{
		node: compute,
		service: 'compute',
		resource: 'pipeline',
		operation: 'getVersions',
		make: async () => ({ id: 'hereditary-mock' }),
		parameters: (id) => ({ pipeline: bySlug(id) }),
		request: () => 'GET /api/v1/pipelines/slug/hereditary-mock/versions',
		unknown: { id: 'nope', error: 'Pipeline "nope" not found: iFlow lists no versions of it', ownError: true },
		invalid: [
			{
				parameters: () => ({ pipeline: bySlug('={{ "" }}') }),
				error: `'Pipeline' is empty: pick one from the list or enter its ID`,
			},
		],
	},
	{
		node: compute,
		service: 'compute',
		resource: 'pipeline',
		operation: 'create',
		parameters: () => NEW_PIPELINE,
		request: () => 'POST /api/v1/pipelines',
		invalid: [
			{
				parameters: () => ({ ...NEW_PIPELINE, slug: 'Hereditary Panel' }),
				error: `'Slug' must be lower-case letters, digits and single dashes, got "Hereditary Panel"`,
			},
			{
				parameters: () => ({ ...NEW_PIPELINE, sourceUrl: 'gitlab/x.wdl' }),
				error: `'Source URL' must be an http(s) URL, got "gitlab/x.wdl"`,
			},
			{
				parameters: () => ({ ...NEW_PIPELINE, additionalFields: { properties: '{nope' } }),
				error: /^'Properties \(JSON\)' is not valid JSON: /,
			},
			{
				parameters: () => ({ ...NEW_PIPELINE, additionalFields: { properties: '[1]' } }),
				error: `'Properties (JSON)' must be a JSON object, not a list`,
			},
		],
	},
	{
		node: compute,
		service: 'compute',
		resource: 'run',
		operation: 'get',
		make: async (emu) => ({ id: String((await submitRun(emu)).id) }),
		parameters: (id) => ({ runId: id }),
		request: (made) => `GET /api/v1/runs/${made.id}`,
		unknown: { id: UNKNOWN, error: 'Not found: Run not found' },
		invalid: [{ parameters: () => ({ runId: 'r1' }), error: '\'Run ID\' must be an iFlow ID (a UUID), got "r1"' }],
	},
	{
		node: compute,
		service: 'compute',
		resource: 'run',
		operation: 'getMany',
		parameters: () => ({ returnAll: true }),
		request: () => 'GET /api/v1/runs',
		invalid: [
			{
				parameters: () => ({ returnAll: true }),
				credentials: NO_PROJECT,
				error: `No project selected: set the node's 'Project' field or the 'Default Project ID' of the iFlow API credential`,
			},
			{
				parameters: () => ({ returnAll: true, filters: { orderId: 'ORD-1' } }),
				error: `'Order ID' must be an iFlow ID (a UUID), got "ORD-1"`,
			},
		],
	},
	{
		node: compute,
		service: 'compute',
		resource: 'run',
		operation: 'submit',
		parameters: () => HEREDITARY,
		request: () => 'POST /api/v1/runs',
		invalid: [
			{
				parameters: () => ({ pipeline: bySlug('={{ "" }}') }),
				error: `'Pipeline' is empty: pick one from the list or enter its ID`,
			},
			{
				parameters: () => ({ pipeline: bySlug('a/b') }),
				error: `'Pipeline' must be a pipeline slug such as hereditary-mock, got "a/b"`,
			},
			{
				parameters: () => ({ ...HEREDITARY, specifyParameters: 'json', parametersJson: '{"a":' }),
				error: /^'Parameters \(JSON\)' is not valid JSON: /,
			},
			{
				parameters: () => ({ ...HEREDITARY, order: byId('={{ "ORD-1" }}') }),
				error: `'Order' must be an iFlow ID (a UUID), got "ORD-1"`,
			},
			{
				parameters: () => ({ ...HEREDITARY, callback: 'url', callbackUrl: 'lims.example.org' }),
				error: `'Callback URL' must be an http(s) URL, got "lims.example.org"`,
			},
			{
				parameters: () => ({ ...HEREDITARY, waitForCompletion: true, pollInterval: 0 }),
				error: `'Poll Interval (Seconds)' must be a number above 0`,
			},
			{
				parameters: () => HEREDITARY,
				credentials: NO_PROJECT,
				error: `No project selected: set the node's 'Project' field or the 'Default Project ID' of the iFlow API credential`,
			},
			{
				parameters: () => ({ ...HEREDITARY, callback: 'resume' }),
				items: 2,
				error: `'Callback' "Resume this execution" works for one run per execution, but this node got several items`,
			},
		],
	},
	{
		node: compute,
		service: 'compute',
		resource: 'run',
		operation: 'getLatestSuccessful',
		make: async (emu) => {
			const made = await order(emu);
			await finishedRun(emu, 'succeeded', { order_id: made.id });
			return made;
		},
		parameters: (id) => ({ order: byId(id) }),
		request: (made) => `GET /api/v1/runs/by-order/${made.id}`,
		invalid: [
			{
				parameters: () => ({ order: byId('={{ "ORD-1" }}') }),
				error: '\'Order\' must be an iFlow ID (a UUID), got "ORD-1"',
			},
			{
				parameters: () => ({ order: byId('={{ "" }}') }),
				error: `'Order' is empty: pick one from the list or enter its ID`,
			},
		],
	},
	{
		node: compute,
		service: 'compute',
		resource: 'run',
		operation: 'getRunsOfOrder',
		make: order,
		parameters: (id) => ({ order: byId(id) }),
		request: (made) => `GET /api/v1/runs/by-order/${made.id}`,
		invalid: [
			{
				parameters: () => ({ order: byId('={{ "ORD-1" }}') }),
				error: '\'Order\' must be an iFlow ID (a UUID), got "ORD-1"',
			},
		],
	},
	{
		node: compute,
		service: 'compute',
		resource: 'run',
		operation: 'waitForCompletion',
		make: async (emu) => ({ id: String((await finishedRun(emu)).id) }),
		parameters: (id) => ({ runId: id, pollInterval: 0.05, maxWait: 5 }),
		request: (made) => `GET /api/v1/runs/${made.id}`,
		unknown: { id: UNKNOWN, error: 'Not found: Run not found' },
		invalid: [
			{ parameters: () => ({ runId: 'r1' }), error: '\'Run ID\' must be an iFlow ID (a UUID), got "r1"' },
			{
				parameters: () => ({ runId: UNKNOWN, pollInterval: 0.05, maxWait: 0 }),
				error: `'Max Wait (Minutes)' must be above 0 and at most 1440 (24 hours)`,
			},
		],
	},
	{
		node: compute,
		service: 'compute',
		resource: 'run',
		operation: 'cancel',
		make: async (emu) => ({ id: String((await submitRun(emu)).id) }),
		parameters: (id) => ({ runId: id }),
		request: (made) => `DELETE /api/v1/runs/${made.id}`,
		unknown: { id: UNKNOWN, error: 'Not found: Run not found' },
		invalid: [{ parameters: () => ({ runId: 'r1' }), error: '\'Run ID\' must be an iFlow ID (a UUID), got "r1"' }],
	},
	{
		node: compute,
		service: 'compute',
		resource: 'run',
		operation: 'getOutputs',
		make: async (emu) => ({ id: String((await finishedRun(emu)).id) }),
		parameters: (id) => ({ runId: id }),
		request: (made) => `GET /api/v1/runs/${made.id}/outputs`,
		unknown: { id: UNKNOWN, error: 'Not found: Run not found' },
		invalid: [
			{ parameters: () => ({ runId: 'r1' }), error: '\'Run ID\' must be an iFlow ID (a UUID), got "r1"' },
			{
				parameters: () => ({ runId: '={{ "" }}' }),
				error: `'Run ID' is empty: pick one from the list or enter its ID`,
			},
		],
	},
	{
		node: compute,
		service: 'compute',
		resource: 'run',
		operation: 'getOutputByName',
		make: async (emu) => ({ id: String((await finishedRun(emu)).id) }),
		parameters: (id) => ({ source: 'run', runId: id, outputName: 'report', downloadUrls: false }),
		request: (made) => `GET /api/v1/runs/${made.id}`,
		unknown: { id: UNKNOWN, error: 'Not found: Run not found' },
		invalid: [
			{
				parameters: () => ({ source: 'run', runId: 'r1', outputName: 'report' }),
				error: '\'Run ID\' must be an iFlow ID (a UUID), got "r1"',
			},
			{
				parameters: () => ({ source: 'run', runId: UNKNOWN, outputName: '={{ " " }}' }),
				error: `'Output Name' is required`,
			},
		],
	},
	// ── iFlow Files ──
	{
		node: files,
		service: 'files',
		resource: 'file',
		operation: 'get',
		make: async (emu) => (await seedFiles(emu, { 'uploads/a.txt': 'abc' }), { id: 'uploads/a.txt' }),
		parameters: (id) => ({ filePath: id }),
		request: () => 'GET /api/v1/files/metadata',
		// Without the metadata route the entry comes from a listing of its folder.
		documentedRequest: () => 'GET /api/v1/files',
		unknown: { id: 'uploads/missing.txt', error: 'uploads/missing.txt does not exist in iFlow', ownError: true },
		invalid: [
			{
				parameters: () => ({ filePath: '={{ "../etc" }}' }),
				error: '\'File Path\': "../etc" contains "." or ".." segments',
			},
		],
	},
	{
		node: files,
		service: 'files',
		resource: 'file',
		operation: 'getDownloadLink',
		make: async (emu) => (await seedFiles(emu, { 'uploads/a.txt': 'abc' }), { id: 'uploads/a.txt' }),
		parameters: (id) => ({ filePath: id }),
		request: () => 'GET /api/v1/files/download-url',
		unknown: { id: 'uploads/missing.txt', error: 'Not found: File not found' },
		invalid: [
			{
				parameters: () => ({ filePath: '={{ "../etc" }}' }),
				error: '\'File Path\': "../etc" contains "." or ".." segments',
			},
			{
				parameters: () => ({ filePath: 'a.txt' }),
				credentials: NO_PROJECT,
				error: `No project selected: set the node's 'Project' field or the 'Default Project ID' of the iFlow API credential`,
			},
		],
	},
	{
		node: files,
		service: 'files',
		resource: 'file',
		operation: 'getUploadLink',
		parameters: () => ({ filePath: 'uploads/new.csv', contentType: 'text/csv' }),
		request: () => 'POST /api/v1/files/upload-url',
		invalid: [
			{
				parameters: () => ({ filePath: '={{ "../etc" }}' }),
				error: '\'Destination Path\': "../etc" contains "." or ".." segments',
			},
			{
				parameters: () => ({ filePath: 'uploads/', contentType: 'text/csv' }),
				error: `'Destination Path': "uploads/" ends with "/", so it names a folder; give the path of a file`,
			},
			{
				parameters: () => ({ filePath: 'https://example.com/x.bin', contentType: 'text/csv' }),
				error: `'Destination Path': "https://example.com/x.bin" is a URL; give a path inside the project bucket`,
			},
		],
	},
	{
		node: files,
		service: 'files',
		resource: 'file',
		operation: 'download',
		make: async (emu) => (await seedFiles(emu, { 'uploads/a.txt': 'abc' }), { id: 'uploads/a.txt' }),
		parameters: (id) => ({ filePath: id }),
		request: () => 'GET /api/v1/files/download-url',
		unknown: { id: 'uploads/missing.txt', error: 'Not found: File not found' },
		invalid: [
			{
				parameters: () => ({ filePath: '={{ "../etc" }}' }),
				error: '\'File Path\': "../etc" contains "." or ".." segments',
			},
			{
				parameters: () => ({ filePath: 'samples/' }),
				error: `'File Path': "samples/" ends with "/", so it names a folder; give the path of a file`,
			},
		],
	},
	{
		node: files,
		service: 'files',
		resource: 'file',
		operation: 'upload',
		parameters: () => ({ filePath: 'uploads/' }),
		item: () => text('a,b\n'),
		request: () => 'POST /api/v1/files/upload-url',
		invalid: [
			{
				parameters: () => ({ filePath: '={{ "../etc/" }}' }),
				error: '\'Destination Path\': "../etc/" contains "." or ".." segments',
			},
		],
	},
	{
		node: files,
		service: 'files',
		resource: 'file',
		operation: 'copy',
		make: async (emu) => (await seedFiles(emu, { 'uploads/a.txt': 'abc' }), { id: 'uploads/a.txt' }),
		parameters: (id) => ({ sourcePath: id, destinationPath: 'copies/', overwrite: false }),
		request: () => 'POST /api/v1/files/copy',
		beyondReference: true,
		unknown: { id: 'missing.txt', error: 'Not found: Source not found' },
		invalid: [
			{
				parameters: () => ({ sourcePath: '={{ "../etc" }}', destinationPath: 'copies/' }),
				error: '\'Source Path\': "../etc" contains "." or ".." segments',
			},
			{
				parameters: () => ({ sourcePath: 'a.txt', destinationPath: 's3://bgl-somatic-research/a.txt' }),
				readsBucket: true,
				error: `'Destination Path': "s3://bgl-somatic-research/a.txt" is in bucket bgl-somatic-research, not in this project's bucket bgl-hereditary-2026`,
			},
		],
	},
	{
		node: files,
		service: 'files',
		resource: 'file',
		operation: 'move',
		make: async (emu) => (await seedFiles(emu, { 'uploads/a.txt': 'abc' }), { id: 'uploads/a.txt' }),
		parameters: (id) => ({ sourcePath: id, destinationPath: 'moved/' }),
		request: () => 'POST /api/v1/files/move',
		beyondReference: true,
		invalid: [
			{
				parameters: () => ({ sourcePath: '={{ "../etc" }}', destinationPath: 'moved/' }),
				error: '\'Source Path\': "../etc" contains "." or ".." segments',
			},
			{
				parameters: () => ({ sourcePath: 'a.txt', destinationPath: '={{ "" }}' }),
				error: `'Destination Path': the path is empty`,
			},
		],
	},
	{
		node: files,
		service: 'files',
		resource: 'file',
		operation: 'delete',
		make: async (emu) => (await seedFiles(emu, { 'uploads/a.txt': 'abc' }), { id: 'uploads/a.txt' }),
		parameters: (id) => ({ filePath: id }),
		request: () => 'DELETE /api/v1/files',
		beyondReference: true,
		invalid: [
			{
				parameters: () => ({ filePath: '={{ "../etc" }}' }),
				error: '\'File Path\': "../etc" contains "." or ".." segments',
			},
			{
				parameters: () => ({ filePath: 'tmp/' }),
				error: `'File Path': "tmp/" ends with "/", so it names a folder; give the path of a file`,
			},
		],
	},
	{
		node: files,
		service: 'files',
		resource: 'folder',
		operation: 'list',
		make: async (emu) => (await seedFiles(emu, { 'uploads/a.txt': 'abc' }), { id: 'uploads/' }),
		parameters: (id) => ({ folderPath: id, returnAll: true }),
		request: () => 'GET /api/v1/files',
		invalid: [
			{
				parameters: () => ({ folderPath: '={{ "../etc/" }}' }),
				error: '\'Folder Path\': "../etc/" contains "." or ".." segments',
			},
			{
				parameters: () => ({ folderPath: 'gs://someone-elses-bucket/x/', returnAll: true }),
				readsBucket: true,
				error: `'Folder Path': "gs://someone-elses-bucket/x/" is in bucket someone-elses-bucket, not in this project's bucket bgl-hereditary-2026`,
			},
		],
	},
	{
		node: files,
		service: 'files',
		resource: 'folder',
		operation: 'delete',
		make: async (emu) => (await seedFiles(emu, { 'scratch/a.txt': 'abc' }), { id: 'scratch/' }),
		parameters: (id) => ({ folderPath: id, recursive: true }),
		request: () => 'DELETE /api/v1/files',
		beyondReference: true,
		unknown: { id: 'nothing-here/', error: 'Not found: File not found' },
		invalid: [
			{
				parameters: () => ({ folderPath: '={{ "../etc/" }}', recursive: true }),
				error: '\'Folder Path\': "../etc/" contains "." or ".." segments',
			},
			{
				parameters: () => ({ folderPath: 'scratch/', recursive: false }),
				error: `'Recursive' is off: turn it on to delete scratch/ and every file in it`,
			},
		],
	},
	// ── iFlow Miner: subjects ──
	{
		node: miner,
		service: 'miner',
		resource: 'subject',
		operation: 'create',
		parameters: () => ({ displayId: 'SUB-NEW' }),
		request: () => 'POST /api/v1/subjects',
		invalid: [{ parameters: () => ({ displayId: '={{ " " }}' }), error: "'Display ID' is required" }],
	},
	minerRecord('subject', 'get', 'GET', '', 'SUB-1'),
	{
		node: miner,
		service: 'miner',
		resource: 'subject',
		operation: 'getMany',
		make: subject,
		parameters: () => ({ returnAll: true }),
		request: () => 'GET /api/v1/subjects',
		invalid: [
			{
				parameters: () => ({ returnAll: true, filters: { sex: 'x' } }),
				error: '\'Sex\' must be one of male, female, other, unknown; got "x"',
			},
		],
	},
	{
		node: miner,
		service: 'miner',
		resource: 'subject',
		operation: 'update',
		make: subject,
		parameters: (id) => ({ subjectId: byId(id), updateFields: { diagnosis: 'x' } }),
		request: (made) => `PATCH /api/v1/subjects/${made.id}`,
		unknown: { id: UNKNOWN, error: 'Not found: Subject not found' },
		invalid: [
			{
				parameters: () => ({ subjectId: byId('={{ "SUB-1" }}'), updateFields: { diagnosis: 'x' } }),
				error: '\'Subject\' must be an iFlow ID (a UUID), got "SUB-1"',
			},
		],
	},
	{
		node: miner,
		service: 'miner',
		resource: 'subject',
		operation: 'upsert',
		parameters: () => ({ displayId: 'SUB-NEW' }),
		request: () => 'POST /api/v1/subjects',
		invalid: [
			{
				parameters: () => ({ displayId: 'SUB-1', matchOn: 'externalId', externalId: '={{ "" }}' }),
				error: "'External ID' is required",
			},
			{
				parameters: () => ({ displayId: 'SUB-1', additionalFields: { properties: '{' } }),
				error: /^'Properties \(JSON\)' is not valid JSON: /,
			},
		],
	},
	minerRecord('subject', 'delete', 'DELETE', '', ' '),
	// ── iFlow Miner: samples ──
	{
		node: miner,
		service: 'miner',
		resource: 'sample',
		operation: 'create',
		make: subject,
		parameters: (id) => ({ subjectId: byId(id), displayId: 'SAM-NEW' }),
		request: () => 'POST /api/v1/samples',
		unknown: { id: UNKNOWN, error: 'Not found: Subject not found' },
		invalid: [
			{
				parameters: (made) => ({ subjectId: byId(made.id), displayId: '={{ "" }}' }),
				error: "'Display ID' is required",
			},
		],
	},
	minerRecord('sample', 'get', 'GET', '', 'SAM-1'),
	{
		node: miner,
		service: 'miner',
		resource: 'sample',
		operation: 'getMany',
		make: sample,
		parameters: () => ({ returnAll: true }),
		request: () => 'GET /api/v1/samples',
		invalid: [
			{
				parameters: () => ({ filters: { subjectId: 'SUB-1' } }),
				error: '\'Subject ID\' must be an iFlow ID (a UUID), got "SUB-1"',
			},
			{
				parameters: () => ({ filters: { sampleType: 'dna' } }),
				error: `'Sample Type' must be one of germline, somatic, ffpe, liquid_biopsy, unknown; got "dna"`,
			},
		],
	},
	minerRecord('sample', 'getSampleinfo', 'GET', '/sampleinfo', ''),
	{
		node: miner,
		service: 'miner',
		resource: 'sample',
		operation: 'update',
		make: sample,
		parameters: (id) => ({ sampleId: byId(id), updateFields: { notes: 'x' } }),
		request: (made) => `PATCH /api/v1/samples/${made.id}`,
		unknown: { id: UNKNOWN, error: 'Not found: Sample not found' },
		invalid: [
			{
				parameters: () => ({ sampleId: byId(UNKNOWN), updateFields: { subjectId: 'SUB-B' } }),
				error: '\'Subject ID\' must be an iFlow ID (a UUID), got "SUB-B"',
			},
			{
				parameters: () => ({ sampleId: byId(UNKNOWN), updateFields: {} }),
				error: `'Update Fields' is empty: add at least one field to change`,
			},
		],
	},
	{
		node: miner,
		service: 'miner',
		resource: 'sample',
		operation: 'upsert',
		make: subject,
		parameters: (id) => ({ subjectId: byId(id), displayId: 'SAM-NEW' }),
		request: () => 'POST /api/v1/samples',
		unknown: { id: UNKNOWN, error: 'Not found: Subject not found' },
		invalid: [
			{
				parameters: (made) => ({ subjectId: byId(made.id), displayId: '={{ "" }}' }),
				error: "'Display ID' is required",
			},
			{
				parameters: () => ({ subjectId: byId('={{ "SUB-1" }}'), displayId: 'SAM-1' }),
				error: `'Subject' must be an iFlow ID (a UUID), got "SUB-1"`,
			},
		],
	},
	minerRecord('sample', 'delete', 'DELETE', '', ''),
	// ── iFlow Miner: orders ──
	{
		node: miner,
		service: 'miner',
		resource: 'order',
		operation: 'create',
		parameters: () => ({ displayId: 'ORD-NEW' }),
		request: () => 'POST /api/v1/orders',
		invalid: [{ parameters: () => ({ displayId: '={{ "" }}' }), error: "'Display ID' is required" }],
	},
	minerRecord('order', 'get', 'GET', '', 'ORD-1'),
	{
		node: miner,
		service: 'miner',
		resource: 'order',
		operation: 'getMany',
		make: order,
		parameters: () => ({ returnAll: true }),
		request: () => 'GET /api/v1/orders',
		invalid: [
			{
				parameters: () => ({ returnAll: true, filters: { status: 'x' } }),
				error:
					'\'Status\' must be one of created, analyzing, review, sign_off, completed, cancelled, ready_for_review, reviewed, signed_off, amended; got "x"',
			},
		],
	},
	{
		node: miner,
		service: 'miner',
		resource: 'order',
		operation: 'update',
		make: order,
		parameters: (id) => ({ orderId: byId(id), updateFields: { description: 'x' } }),
		request: (made) => `PUT /api/v1/orders/${made.id}`,
		unknown: { id: UNKNOWN, error: 'Not found: Order not found' },
		invalid: [
			{
				parameters: () => ({ orderId: byId(UNKNOWN), updateFields: { dueDate: '={{ "soon" }}' } }),
				error: '\'Due Date\' must be a date (YYYY-MM-DD), got "soon"',
			},
		],
	},
	minerRecord('order', 'delete', 'DELETE', '', ''),
	{
		node: miner,
		service: 'miner',
		resource: 'order',
		operation: 'transition',
		make: order,
		parameters: (id) => ({ orderId: byId(id), targetStatus: 'analyzing' }),
		request: (made) => `POST /api/v1/orders/${made.id}/transition`,
		unknown: { id: UNKNOWN, error: 'Not found: Order not found' },
		invalid: [
			{
				parameters: () => ({ orderId: byId('={{ "ORD-1" }}'), targetStatus: 'analyzing' }),
				error: '\'Order\' must be an iFlow ID (a UUID), got "ORD-1"',
			},
		],
	},
	{
		node: miner,
		service: 'miner',
		resource: 'order',
		operation: 'cancel',
		make: order,
		parameters: (id) => ({ orderId: byId(id) }),
		request: (made) => `POST /api/v1/orders/${made.id}/transition`,
		unknown: { id: UNKNOWN, error: 'Not found: Order not found' },
		invalid: [
			{
				parameters: () => ({ orderId: byId('={{ "" }}') }),
				error: "'Order' is empty: pick one from the list or enter its ID",
			},
		],
	},
	{
		node: miner,
		service: 'miner',
		resource: 'order',
		operation: 'getSamples',
		make: linkedSample,
		parameters: (id) => ({ orderId: byId(id) }),
		request: (made) => `GET /api/v1/orders/${made.id}/samples`,
		unknown: { id: UNKNOWN, error: 'Not found: Order not found' },
		invalid: [
			{
				parameters: () => ({ orderId: byId('={{ "" }}') }),
				error: "'Order' is empty: pick one from the list or enter its ID",
			},
		],
	},
	{
		node: miner,
		service: 'miner',
		resource: 'order',
		operation: 'getSamplesheet',
		make: async (emu) => ({ id: String((await orderWithFastq(emu)).order.id) }),
		parameters: (id) => ({ orderId: byId(id) }),
		request: (made) => `GET /api/v1/orders/${made.id}/samplesheet`,
		unknown: { id: UNKNOWN, error: 'Not found: Order not found' },
		invalid: [
			{
				parameters: () => ({ orderId: byId('={{ "ORD-1" }}') }),
				error: '\'Order\' must be an iFlow ID (a UUID), got "ORD-1"',
			},
		],
	},
	{
		node: miner,
		service: 'miner',
		resource: 'order',
		operation: 'addSample',
		make: orderAndSample,
		parameters: (id, made) => ({ orderId: byId(id), sampleId: byId(made.sampleId), role: 'proband' }),
		request: (made) => `POST /api/v1/orders/${made.id}/samples/${made.sampleId}`,
		unknown: { id: UNKNOWN, error: 'Not found: Order not found' },
		invalid: [
			{
				parameters: (made) => ({ orderId: byId('={{ "ORD-1" }}'), sampleId: byId(made.sampleId) }),
				error: '\'Order\' must be an iFlow ID (a UUID), got "ORD-1"',
			},
			{
				parameters: () => ({ orderId: byId(UNKNOWN), sampleId: byId(UNKNOWN), role: '={{ "aunt" }}' }),
				error: `'Role' must be one of proband, mother, father, sibling, relative, tumour, normal, other; got "aunt"`,
			},
			{
				parameters: () => ({ orderId: byId(UNKNOWN), sampleId: byId('={{ "SAM-1" }}'), role: 'proband' }),
				error: `'Sample' must be an iFlow ID (a UUID), got "SAM-1"`,
			},
		],
	},
	{
		node: miner,
		service: 'miner',
		resource: 'order',
		operation: 'removeSample',
		make: linkedSample,
		parameters: (id, made) => ({ orderId: byId(id), sampleId: byId(made.sampleId) }),
		request: (made) => `DELETE /api/v1/orders/${made.id}/samples/${made.sampleId}`,
		unknown: { id: UNKNOWN, error: 'Not found: Order not found' },
		invalid: [
			{
				parameters: (made) => ({ orderId: byId(made.id), sampleId: byId('={{ "" }}') }),
				error: "'Sample' is empty: pick one from the list or enter its ID",
			},
		],
	},
	// ── iFlow Report ──
	{
		node: report,
		service: 'report',
		resource: 'report',
		operation: 'get',
		make: async (emu) => ({ id: String((await orderAt(emu, 'ORD-1', 'review')).reportId) }),
		parameters: (id) => ({ report: locator(id) }),
		request: (made) => `GET /api/v1/reports/${made.id}`,
		unknown: { id: ABSENT, error: 'Not found: Report not found' },
		beyondReference: true,
		invalid: [
			{
				parameters: () => ({ report: locator(ABSENT) }),
				credentials: NO_PROJECT,
				offeredOnly: true,
				error: `No project selected: set the node's 'Project' field or the 'Default Project ID' of the iFlow API credential`,
			},
		],
	},
	{
		node: report,
		service: 'report',
		resource: 'report',
		operation: 'getStatus',
		make: async (emu) => ({ id: String((await orderAt(emu, 'ORD-1', 'review')).reportId) }),
		parameters: (id) => ({ report: locator(id) }),
		request: (made) => `GET /api/v1/reports/${made.id}/status`,
		unknown: { id: ABSENT, error: 'Not found: Report not found' },
		beyondReference: true,
	},
	{
		node: report,
		service: 'report',
		resource: 'report',
		operation: 'getMany',
		make: async (emu) => (await orderAt(emu, 'ORD-1', 'review'), {}),
		parameters: () => ({ returnAll: true }),
		request: () => 'GET /api/v1/reports',
		beyondReference: true,
	},
	{
		node: report,
		service: 'report',
		resource: 'report',
		operation: 'approveAndSign',
		make: async (emu) => ({ id: String((await orderAt(emu, 'ORD-1', 'sign_off')).reportId) }),
		parameters: (id) => ({ report: locator(id) }),
		request: (made) => `POST /api/v1/reports/${made.id}/approve-and-sign`,
		unknown: { id: ABSENT, error: 'Not found: Report not found' },
		beyondReference: true,
		invalid: [
			{
				parameters: () => ({ report: { __rl: true, mode: 'list', value: 'report-1' } }),
				error: `'Report' must be an iFlow ID (a UUID), got "report-1"`,
			},
		],
	},
	{
		node: report,
		service: 'report',
		resource: 'report',
		operation: 'getSignedReport',
		make: async (emu) => ({ id: (await signedOrder(emu, 'ORD-1')).orderId }),
		parameters: (id) => ({ order: locator(id) }),
		request: () => 'GET /api/v1/files/download-url',
		requestService: 'files',
		unknown: { id: ABSENT, error: 'Not found: Order not found' },
		invalid: [
			{
				parameters: () => ({ order: { __rl: true, mode: 'list', value: 'ORD-1' } }),
				error: `'Order' must be an iFlow ID (a UUID), got "ORD-1"`,
			},
		],
	},
	// ── iFlow VCF ──
	{
		node: vcf,
		service: 'vcf',
		resource: 'cache',
		operation: 'getStatus',
		make: async (emu) => ({ id: (await orderWithSamples(emu)).orderId }),
		parameters: (id) => ({ order: locator(id) }),
		request: (made) => `GET /api/v1/orders/${made.id}/cache`,
		unknown: { id: ABSENT, error: 'Not found: Order not found' },
		beyondReference: true,
		invalid: [
			{
				parameters: () => ({ order: { __rl: true, mode: 'list', value: 'x' } }),
				error: `'Order' must be an iFlow ID (a UUID), got "x"`,
			},
		],
	},
	{
		node: vcf,
		service: 'vcf',
		resource: 'cache',
		operation: 'rebuild',
		make: async (emu) => ({ id: (await orderWithSamples(emu)).orderId }),
		parameters: (id) => ({ order: locator(id) }),
		request: (made) => `POST /api/v1/orders/${made.id}/cache`,
		unknown: { id: ABSENT, error: 'Not found: Order not found' },
		beyondReference: true,
		invalid: [
			{
				parameters: () => ({ order: locator('={{ "" }}') }),
				error: `'Order' is empty: pick one from the list or enter its ID`,
			},
		],
	},
	{
		node: vcf,
		service: 'vcf',
		resource: 'variant',
		operation: 'getMany',
		make: async (emu) => {
			const { orderId, sampleIds } = await orderWithSamples(emu);
			return { id: orderId, sampleId: sampleIds[0], otherSampleId: sampleIds[1] };
		},
		parameters: (id) => ({ source: 'order', order: locator(id), returnAll: false, limit: 5 }),
		request: (made) => `GET /api/v1/orders/${made.id}/variants`,
		unknown: { id: ABSENT, error: 'Not found: Order not found' },
		beyondReference: true,
		invalid: [
			{
				parameters: (made) => ({ source: 'order', order: locator(made.id), returnAll: true, filters: { start: 100 } }),
				error: "'Start Position' needs 'Chromosome': a region is a chromosome and positions on it",
			},
			{
				parameters: (made) => ({
					source: 'order',
					order: locator(made.id),
					returnAll: true,
					filters: { chrom: 'chr1', start: 200, end: 100 },
				}),
				error: `'Start Position' (200) is after 'End Position' (100)`,
			},
			{
				parameters: (made) => ({
					source: 'sample',
					sample: locator(made.sampleId),
					returnAll: true,
					filters: { sampleId: made.otherSampleId },
				}),
				error: `'Sample ID' filters order variants only; pick the sample itself instead`,
			},
			{
				parameters: () => ({ source: 'order', order: { __rl: true, mode: 'list', value: 'ORD-1' }, returnAll: true }),
				error: `'Order' must be an iFlow ID (a UUID), got "ORD-1"`,
			},
			{
				parameters: () => ({ source: 'sample', sample: { __rl: true, mode: 'list', value: '..' }, returnAll: true }),
				error: `'Sample' is a "." or ".." path segment (raw or percent-encoded): ".."`,
			},
			{
				parameters: () => ({
					source: 'sample',
					sample: { __rl: true, mode: 'list', value: '%2e%2e' },
					returnAll: true,
				}),
				error: `'Sample' is a "." or ".." path segment (raw or percent-encoded): "%2e%2e"`,
			},
		],
	},
];

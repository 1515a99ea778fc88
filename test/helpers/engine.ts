/**
 * Engine harness: runs a workflow containing our nodes through n8n-core's real
 * WorkflowExecute against the Flow emulator over real HTTP (guide §8). Works on the 2.x and
 * 1.x engine lines (the 1.x pass swaps the modules with jest's moduleNameMapper).
 */
import { ExecutionLifecycleHooks, LoadOptionsContext, PollContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteData,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { IFlowApi } from '../../credentials/IFlowApi.credentials';

export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
const START_NODE = 'Start';

/** A five-line stand-in for n8n's Manual Trigger (nodes-base is not installed). */
class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: { name: START_NODE },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: { getInputData(): INodeExecutionData[] }) {
		return [this.getInputData()];
	}
}

const credentialType = new IFlowApi();

/** Credentials helper that hands out fixture data and applies our generic auth. */
class FixtureCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: () => ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const headers = (credentialType.authenticate.properties.headers ?? {}) as Record<string, string>;
		const resolved: IDataObject = {};
		for (const [name, template] of Object.entries(headers)) {
			resolved[name] =
				workflow && node
					? (workflow.expression.getSimpleParameterValue(
							node,
							template,
							'internal',
							{ $credentials: credentials },
							undefined,
							'',
						) as string)
					: template.replace('=Bearer {{$credentials.accessToken}}', `Bearer ${String(credentials.accessToken)}`);
		}
		requestOptions.headers = { ...(requestOptions.headers ?? {}), ...resolved };
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by the harness');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data() };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return credentialType.properties;
	}
}

export class NodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>();

	constructor(nodes: INodeType[] = []) {
		this.types.set(MANUAL_TRIGGER, new ManualTrigger());
		for (const node of nodes) this.add(node);
	}

	add(node: INodeType): string {
		const name = `n8n-nodes-iflow.${node.description.name}`;
		this.types.set(name, node);
		return name;
	}

	getByName(name: string): INodeType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}

	getByNameAndVersion(name: string): INodeType {
		return this.getByName(name);
	}

	getKnownTypes() {
		return {};
	}
}

export interface RunNodeOptions {
	node: INodeType;
	parameters: INodeParameters;
	/** Input items (json only); default one empty item. */
	items?: IDataObject[] | INodeExecutionData[];
	credentials: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	nodeName?: string;
	/** Extra nodes after ours (e.g. to check what the next node receives). */
	staticData?: IDataObject;
	executionId?: string;
	mode?: WorkflowExecuteMode;
}

export interface RunNodeResult {
	run: IRun;
	status: IRun['status'];
	/** Items on the first output of the node under test (empty when it failed). */
	output: INodeExecutionData[];
	/** All outputs of the node. */
	outputs: INodeExecutionData[][];
	error?: IRun['data']['resultData']['error'] & { httpCode?: string; description?: string; context?: IDataObject };
	workflow: Workflow;
}

let executionCounter = 0;

function additionalDataFor(
	workflowData: IWorkflowBase,
	credentials: () => ICredentialDataDecryptedObject,
	executionId: string,
) {
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	return {
		hooks,
		executionId,
		credentialsHelper: new FixtureCredentialsHelper(credentials),
		currentNodeExecutionIndex: 0,
		variables: {},
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		restApiUrl: 'http://127.0.0.1:5678/rest',
		userId: 'harness-user',
		logAiEvent() {},
		setExecutionStatus() {},
		sendDataToUI() {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

function toItems(items: RunNodeOptions['items']): INodeExecutionData[] {
	return (items ?? [{}]).map((item) =>
		'json' in item && typeof item.json === 'object' ? (item as INodeExecutionData) : { json: item as IDataObject },
	);
}

/** Build the two-node workflow (Start → node under test). */
export function buildWorkflow(options: RunNodeOptions): {
	workflow: Workflow;
	workflowData: IWorkflowBase;
	nodeName: string;
} {
	const nodeTypes = new NodeTypes([options.node]);
	const nodeName = options.nodeName ?? options.node.description.defaults.name ?? 'Node';
	const typeName = `n8n-nodes-iflow.${options.node.description.name}`;
	const version = options.node.description.version;
	const nodes: INode[] = [
		{ id: 'start', name: START_NODE, type: MANUAL_TRIGGER, typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'under-test',
			name: nodeName,
			type: typeName,
			typeVersion: Array.isArray(version) ? version[version.length - 1] : version,
			position: [200, 0],
			parameters: options.parameters,
			credentials: options.node.description.credentials?.length
				? { iFlowApi: { id: 'cred-1', name: 'iFlow API' } as INodeCredentialsDetails }
				: undefined,
			continueOnFail: options.continueOnFail,
			onError: options.continueOnFail ? 'continueRegularOutput' : undefined,
		},
	];
	const connections = {
		[START_NODE]: { main: [[{ node: nodeName, type: 'main', index: 0 }]] },
	} as IWorkflowBase['connections'];
	const workflowData = {
		id: 'wf-harness',
		name: 'harness',
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections,
		active: false,
		nodeTypes,
		staticData: options.staticData ?? {},
		settings: { executionOrder: 'v1' },
	});
	return { workflow, workflowData, nodeName };
}

/** Run our node once through the real engine. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const { workflow, workflowData, nodeName } = buildWorkflow(options);
	const executionId = options.executionId ?? `harness-${++executionCounter}`;
	const additionalData = additionalDataFor(workflowData, () => options.credentials, executionId);
	const startNode = workflow.getNode(START_NODE)!;
	const startEntry: IExecuteData = {
		node: startNode,
		data: { main: [toItems(options.items)] },
		source: null,
	};
	const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack: [startEntry] } });
	const execute = new WorkflowExecute(additionalData, options.mode ?? 'manual', runExecutionData);
	const run = await execute.processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData[nodeName]?.[0];
	const outputs = (taskData?.data?.main ?? []) as INodeExecutionData[][];
	return {
		run,
		status: run.status,
		output: outputs[0] ?? [],
		outputs,
		error: (run.data.resultData.error ?? taskData?.error) as RunNodeResult['error'],
		workflow,
	};
}

/** A load-options context on our node, for listSearch / loadOptions methods. */
export function loadOptionsContext(options: Omit<RunNodeOptions, 'items'>): LoadOptionsContext {
	const { workflow, workflowData, nodeName } = buildWorkflow(options);
	const additionalData = additionalDataFor(workflowData, () => options.credentials, 'harness-load-options');
	return new LoadOptionsContext(workflow, workflow.getNode(nodeName)!, additionalData, '');
}

/** A poll context for a trigger; keep `workflow` to poll again over the same static data. */
export function pollContext(
	options: Omit<RunNodeOptions, 'items'> & {
		mode?: WorkflowExecuteMode;
		activation?: 'activate' | 'init' | 'update' | 'manual';
	},
) {
	const { workflow, workflowData, nodeName } = buildWorkflow(options);
	const additionalData = additionalDataFor(workflowData, () => options.credentials, 'harness-poll');
	const context = new PollContext(
		workflow,
		workflow.getNode(nodeName)!,
		additionalData,
		options.mode ?? 'trigger',
		options.activation ?? 'activate',
	);
	return { context, workflow };
}

/** Every string in a run result, for secret scans. */
export function allText(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, v) => {
		if (v instanceof Error)
			return { ...v, message: v.message, description: (v as unknown as IDataObject).description, stack: v.stack };
		if (typeof v === 'object' && v !== null) {
			if (seen.has(v)) return undefined;
			seen.add(v);
		}
		return v;
	});
}

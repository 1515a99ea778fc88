// Engine harness: runs a workflow containing our nodes through n8n-core's real WorkflowExecute
// against the Flow emulator over real HTTP (CONTRIBUTING.md, Rules: tests never mock n8n's helpers). Plain JS so that tests (through jest)
// and benchmarks (compiled nodes from dist/) share it. Works on the 2.x and 1.x engine lines
// (the 1.x pass swaps the modules with jest's moduleNameMapper).
const { ExecutionLifecycleHooks, LoadOptionsContext, PollContext, WorkflowExecute } = require('n8n-core');
const { createRunExecutionData, ICredentialsHelper, Workflow } = require('n8n-workflow');

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
const START_NODE = 'Start';

let credentialType;
/** Benchmarks pass the compiled credential class; tests get the TypeScript one through jest. */
function configure(options) {
	if (options.credentialType) credentialType = options.credentialType;
}
function getCredentialType() {
	if (!credentialType) {
		const { IFlowApi } = require('../../credentials/IFlowApi.credentials');
		credentialType = new IFlowApi();
	}
	return credentialType;
}

/** A stand-in for n8n's Manual Trigger (nodes-base is not installed). */
class ManualTrigger {
	constructor() {
		this.description = {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: '',
			defaults: { name: START_NODE },
			inputs: [],
			outputs: ['main'],
			properties: [],
		};
	}

	async execute() {
		return [this.getInputData()];
	}
}

/** Credentials helper that hands out fixture data and applies our generic auth. */
class FixtureCredentialsHelper extends ICredentialsHelper {
	constructor(data) {
		super();
		this.data = data;
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(credentials, _typeName, requestOptions, workflow, node) {
		const headers = getCredentialType().authenticate.properties.headers ?? {};
		const resolved = {};
		for (const [name, template] of Object.entries(headers)) {
			resolved[name] = workflow.expression.getSimpleParameterValue(
				node,
				template,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
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
	async getCredentials() {
		throw new Error('not used by the harness');
	}
	async getDecrypted() {
		return { ...this.data() };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return getCredentialType().properties;
	}
}

class NodeTypes {
	constructor(nodes = []) {
		this.types = new Map([[MANUAL_TRIGGER, new ManualTrigger()]]);
		for (const node of nodes) this.types.set(`n8n-nodes-iflow.${node.description.name}`, node);
	}
	getByName(name) {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}
	getByNameAndVersion(name) {
		return this.getByName(name);
	}
	getKnownTypes() {
		return {};
	}
}

let executionCounter = 0;

function additionalDataFor(workflowData, credentials, executionId) {
	return {
		hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
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
	};
}

function toItems(items) {
	return (items ?? [{}]).map((item) => (item && typeof item.json === 'object' ? item : { json: item }));
}

/** Build the two-node workflow (Start → node under test). */
function buildWorkflow(options) {
	const nodeTypes = new NodeTypes([options.node]);
	const nodeName = options.nodeName ?? options.node.description.defaults.name ?? 'Node';
	const version = options.node.description.version;
	const nodes = [
		{ id: 'start', name: START_NODE, type: MANUAL_TRIGGER, typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'under-test',
			name: nodeName,
			type: `n8n-nodes-iflow.${options.node.description.name}`,
			typeVersion: Array.isArray(version) ? version[version.length - 1] : version,
			position: [200, 0],
			parameters: options.parameters,
			credentials: options.node.description.credentials?.length
				? { iFlowApi: { id: 'cred-1', name: 'iFlow API' } }
				: undefined,
			continueOnFail: options.continueOnFail,
			onError: options.onError ?? (options.continueOnFail ? 'continueRegularOutput' : undefined),
		},
	];
	const connections = { [START_NODE]: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } };
	const workflowData = {
		id: 'wf-harness',
		name: 'harness',
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
	};
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
async function runNode(options) {
	const { workflow, workflowData, nodeName } = buildWorkflow(options);
	const executionId = options.executionId ?? `harness-${++executionCounter}`;
	const additionalData = additionalDataFor(workflowData, () => options.credentials, executionId);
	const startEntry = { node: workflow.getNode(START_NODE), data: { main: [toItems(options.items)] }, source: null };
	const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack: [startEntry] } });
	const execute = new WorkflowExecute(additionalData, options.mode ?? 'manual', runExecutionData);
	const pending = execute.processRunExecutionData(workflow);
	if (options.onStart) options.onStart(pending);
	const run = await pending;
	const taskData = run.data.resultData.runData[nodeName]?.[0];
	const outputs = taskData?.data?.main ?? [];
	return {
		run,
		status: run.status,
		output: outputs[0] ?? [],
		outputs,
		error: run.data.resultData.error ?? taskData?.error,
		workflow,
	};
}

/** A load-options context on our node, for listSearch / loadOptions methods. */
function loadOptionsContext(options) {
	const { workflow, workflowData, nodeName } = buildWorkflow(options);
	const additionalData = additionalDataFor(workflowData, () => options.credentials, 'harness-load-options');
	// As in the editor: pickers see the node's current parameters.
	additionalData.currentNodeParameters = options.parameters;
	return new LoadOptionsContext(workflow, workflow.getNode(nodeName), additionalData, '');
}

/** A poll context for a trigger; pass `workflow` back (or the same staticData) to poll again. */
function pollContext(options) {
	const built = options.workflow
		? { workflow: options.workflow, nodeName: options.nodeName ?? options.node.description.defaults.name }
		: buildWorkflow(options);
	const workflowData = {
		id: built.workflow.id,
		name: built.workflow.name,
		nodes: [],
		connections: {},
		active: true,
		settings: {},
	};
	const additionalData = additionalDataFor(workflowData, () => options.credentials, 'harness-poll');
	// pollBudgetMs: what 2.x's getPollBudgetMs() reports (the 1.x PollContext has no budget and ignores it).
	const budget = options.pollBudgetMs === undefined ? undefined : () => options.pollBudgetMs;
	const node = built.workflow.getNode(built.nodeName);
	const mode = options.mode ?? 'trigger';
	const context = new PollContext(
		built.workflow,
		node,
		additionalData,
		mode,
		options.activation ?? 'activate',
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		budget,
	);
	return { context, workflow: built.workflow };
}

/** Every string in a run result, for secret scans. */
function allText(value) {
	const seen = new WeakSet();
	return JSON.stringify(value, (_key, v) => {
		if (v instanceof Error) return { ...v, message: v.message, description: v.description, stack: v.stack };
		if (typeof v === 'object' && v !== null) {
			if (seen.has(v)) return undefined;
			seen.add(v);
		}
		return v;
	});
}

module.exports = {
	configure,
	runNode,
	buildWorkflow,
	loadOptionsContext,
	pollContext,
	allText,
	NodeTypes,
	MANUAL_TRIGGER,
	START_NODE,
};

import type { LoadOptionsContext, PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

export declare const MANUAL_TRIGGER: string;
export declare const START_NODE: string;

export interface RunNodeOptions {
	node: INodeType;
	parameters: INodeParameters;
	/** Input items (json only, or full items with binary); default one empty item. */
	items?: IDataObject[] | INodeExecutionData[];
	credentials: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	/** The node's On Error setting; default 'continueRegularOutput' with continueOnFail. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	nodeName?: string;
	staticData?: IDataObject;
	executionId?: string;
	mode?: WorkflowExecuteMode;
	/** Called with the pending run promise right after the engine starts. */
	onStart?: (pending: Promise<IRun> & { cancel?: () => void }) => void;
}

export interface RunError {
	message: string;
	description?: string | null;
	httpCode?: string | null;
	context?: IDataObject;
	name?: string;
	node?: { name: string };
}

export interface RunNodeResult {
	run: IRun;
	status: IRun['status'];
	/** Items on the first output of the node under test (empty when it failed). */
	output: INodeExecutionData[];
	outputs: INodeExecutionData[][];
	error?: RunError;
	workflow: Workflow;
}

export declare function configure(options: { credentialType?: ICredentialType }): void;
export declare function runNode(options: RunNodeOptions): Promise<RunNodeResult>;
export declare function buildWorkflow(options: RunNodeOptions): { workflow: Workflow; nodeName: string };
export declare function loadOptionsContext(options: Omit<RunNodeOptions, 'items'>): LoadOptionsContext;
export declare function pollContext(
	options: Omit<RunNodeOptions, 'items'> & {
		workflow?: Workflow;
		activation?: 'activate' | 'init' | 'update' | 'manual';
		/** What getPollBudgetMs() reports on 2.x (ignored on 1.x). */
		pollBudgetMs?: number;
	},
): { context: PollContext; workflow: Workflow };
export declare function allText(value: unknown): string;
export declare class NodeTypes implements INodeTypes {
	constructor(nodes?: INodeType[]);
	getByName(name: string): INodeType;
	getByNameAndVersion(name: string): INodeType;
	getKnownTypes(): IDataObject;
}

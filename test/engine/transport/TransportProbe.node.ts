/**
 * A test-only node that exposes the shared transport's options as parameters, so every rule
 * (retries, timeouts, project header, paging, errors) is exercised through the real engine.
 * It lives under test/ and is never shipped.
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { itemProject } from '../../../nodes/shared/project';
import { routeItems } from '../../../nodes/shared/router';
import { flowRequestAll, flowRequestFull } from '../../../nodes/shared/transport';
import { downloadSignedUrl } from '../../../nodes/shared/transport/binary';
import type { FlowService, ProjectRule } from '../../../nodes/shared/transport';

function parseBody(raw: unknown): IDataObject | undefined {
	if (raw === '' || raw === undefined) return undefined;
	return (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject;
}

/** A shorter retry budget than the 60 s default, so budget tests stay quick. */
function retryBudget(ctx: IExecuteFunctions, i: number) {
	const budget = ctx.getNodeParameter('retryBudgetMs', i, 0) as number;
	return budget ? { maxTotalWaitMs: budget } : undefined;
}

async function call(this: IExecuteFunctions, i: number) {
	const response = await flowRequestFull.call(this, {
		service: this.getNodeParameter('service', i) as FlowService,
		method: this.getNodeParameter('method', i) as IHttpRequestMethods,
		path: this.getNodeParameter('path', i) as string,
		body: parseBody(this.getNodeParameter('body', i, '')),
		project: this.getNodeParameter('projectRule', i, 'none') as ProjectRule,
		projectId: itemProject(this, i),
		projectInQuery: this.getNodeParameter('projectInQuery', i, false) as boolean,
		timeout: this.getNodeParameter('timeout', i, undefined) as number | undefined,
		deadline: (this.getNodeParameter('deadline', i, 0) as number) || undefined,
		maxBodyBytes: (this.getNodeParameter('maxBodyBytes', i, 0) as number) || undefined,
		retry: retryBudget(this, i),
		itemIndex: i,
	});
	return { statusCode: response.statusCode, projectId: response.projectId ?? null, body: response.body as IDataObject };
}

async function list(this: IExecuteFunctions, i: number) {
	return await flowRequestAll.call(this, {
		service: this.getNodeParameter('service', i) as FlowService,
		path: this.getNodeParameter('path', i) as string,
		project: this.getNodeParameter('projectRule', i, 'none') as ProjectRule,
		projectId: itemProject(this, i),
		returnAll: this.getNodeParameter('returnAll', i, false) as boolean,
		limit: this.getNodeParameter('limit', i, 50) as number,
		pageSize: this.getNodeParameter('pageSize', i, 100) as number,
		itemIndex: i,
	});
}

/** A signed-URL download, as the Files and Report nodes do it. */
async function download(this: IExecuteFunctions, i: number) {
	const url = this.getNodeParameter('url', i) as string;
	const { size, binary } = await downloadSignedUrl.call(this, {
		url,
		path: 'probe.bin',
		fileName: 'probe.bin',
		itemIndex: i,
	});
	return { json: { size }, binary: { data: binary } };
}

export class TransportProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		icon: { light: 'file:../../../icons/iflow.svg', dark: 'file:../../../icons/iflow.dark.svg' },
		group: ['transform'],
		version: 1,
		description: 'Test-only node',
		subtitle: '={{ $parameter["operation"] }}',
		usableAsTool: true,
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iFlowApi', required: true }],
		// Declared so the engine keeps them (undeclared parameters are dropped).
		properties: [
			{ displayName: 'Resource', name: 'resource', type: 'hidden', default: 'probe' },
			{ displayName: 'Operation', name: 'operation', type: 'hidden', default: 'call' },
			{ displayName: 'Service', name: 'service', type: 'string', default: 'admin' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/projects' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{ displayName: 'Project Rule', name: 'projectRule', type: 'string', default: 'none' },
			{ displayName: 'Project', name: 'project', type: 'string', default: '' },
			{ displayName: 'Project In Query', name: 'projectInQuery', type: 'boolean', default: false },
			{ displayName: 'Timeout', name: 'timeout', type: 'number', default: 30000 },
			{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false },
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 50 },
			{ displayName: 'Page Size', name: 'pageSize', type: 'number', default: 100 },
			{ displayName: 'Deadline', name: 'deadline', type: 'number', default: 0 },
			{ displayName: 'Max Body Bytes', name: 'maxBodyBytes', type: 'number', default: 0 },
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Retry Budget (ms)', name: 'retryBudgetMs', type: 'number', default: 0 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, {
			probe: {
				call: { description: [], execute: call },
				list: { description: [], execute: list },
				download: { description: [], execute: download },
			},
		});
	}
}

import type { INodeParameters, INodeType, NodeParameterValueType } from 'n8n-workflow';

import { IFlowAdmin } from '../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { IFlowAudit } from '../../../nodes/IFlowAudit/IFlowAudit.node';
import { IFlowCompute } from '../../../nodes/IFlowCompute/IFlowCompute.node';
import { IFlowFiles } from '../../../nodes/IFlowFiles/IFlowFiles.node';
import { IFlowMiner } from '../../../nodes/IFlowMiner/IFlowMiner.node';
import { IFlowReport } from '../../../nodes/IFlowReport/IFlowReport.node';
import { IFlowVcf } from '../../../nodes/IFlowVcf/IFlowVcf.node';

/** Every service node, each with its API Request resource. */
export const SERVICE_NODES: Array<[string, INodeType]> = [
	['admin', new IFlowAdmin()],
	['compute', new IFlowCompute()],
	['files', new IFlowFiles()],
	['miner', new IFlowMiner()],
	['report', new IFlowReport()],
	['vcf', new IFlowVcf()],
	['audit', new IFlowAudit()],
];

export const apiRequest = (path: NodeParameterValueType, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'apiRequest',
	operation: 'send',
	method: 'GET',
	path,
	...extra,
});

/** One instance of every node the package ships, for tests that check all descriptions. */
import type { INodeType } from 'n8n-workflow';

import { IFlowAdmin } from '../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { IFlowAudit } from '../../../nodes/IFlowAudit/IFlowAudit.node';
import { IFlowCompute } from '../../../nodes/IFlowCompute/IFlowCompute.node';
import { IFlowFiles } from '../../../nodes/IFlowFiles/IFlowFiles.node';
import { IFlowMiner } from '../../../nodes/IFlowMiner/IFlowMiner.node';
import { IFlowReport } from '../../../nodes/IFlowReport/IFlowReport.node';
import { IFlowComputeTrigger } from '../../../nodes/IFlowComputeTrigger/IFlowComputeTrigger.node';
import { IFlowFilesTrigger } from '../../../nodes/IFlowFilesTrigger/IFlowFilesTrigger.node';
import { IFlowMinerTrigger } from '../../../nodes/IFlowMinerTrigger/IFlowMinerTrigger.node';
import { IFlowReportTrigger } from '../../../nodes/IFlowReportTrigger/IFlowReportTrigger.node';
import { IFlowTrigger } from '../../../nodes/IFlowTrigger/IFlowTrigger.node';
import { IFlowVcf } from '../../../nodes/IFlowVcf/IFlowVcf.node';

export const ACTION_NODES: INodeType[] = [
	new IFlowAdmin(),
	new IFlowAudit(),
	new IFlowCompute(),
	new IFlowFiles(),
	new IFlowMiner(),
	new IFlowReport(),
	new IFlowVcf(),
];

export const TRIGGER_NODES: INodeType[] = [
	new IFlowTrigger(),
	new IFlowMinerTrigger(),
	new IFlowComputeTrigger(),
	new IFlowFilesTrigger(),
	new IFlowReportTrigger(),
];

export const ALL_NODES: INodeType[] = [...ACTION_NODES, ...TRIGGER_NODES];

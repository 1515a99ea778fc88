import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { searchProjects } from '../shared/methods';
import { routeItems } from '../shared/router';
import { operations } from './actions/router';
import { versionDescription } from './actions/versionDescription';

export class IFlowAdmin implements INodeType {
	description: INodeTypeDescription = versionDescription;

	methods = { listSearch: { searchProjects } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, operations);
	}
}

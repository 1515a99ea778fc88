import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredProject } from '../../../shared/project';
import { flowRequest } from '../../../shared/transport';
import { projectField } from './projectField';

export const description: INodeProperties[] = [projectField({ show: { resource: ['project'], operation: ['get'] } })];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = await requiredProject(this, itemIndex);
	return (await flowRequest.call(this, {
		service: 'admin',
		method: 'GET',
		path: `/projects/${encodeURIComponent(projectId)}`,
		itemIndex,
	})) as IDataObject;
}

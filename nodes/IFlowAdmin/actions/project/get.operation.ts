import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { requiredProject } from '../../../shared/project';
import { flowRequest } from '../../../shared/transport';

/** The project an Admin operation acts on: its ID or its slug. */
export const PROJECT_ID_OR_SLUG =
	"The project: pick it from the list or paste its ID or slug (from iFlow Admin › Project › Get Many). Leave empty to use the credential's Default Project ID.";

const properties: INodeProperties[] = [projectField({ description: PROJECT_ID_OR_SLUG })];

const displayOptions = { show: { resource: ['project'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = await requiredProject(this, itemIndex);
	return (await flowRequest.call(this, {
		service: 'admin',
		method: 'GET',
		path: `/projects/${encodeURIComponent(projectId)}`,
		itemIndex,
	})) as IDataObject;
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { flowRequest } from '../../../shared/transport';

const properties: INodeProperties[] = [
	projectField({
		required: true,
		description:
			'The project to make your default: pick it from the list or paste its ID (a UUID, from iFlow Admin › Project › Get Many)',
	}),
];

const displayOptions = { show: { resource: ['user'], operation: ['setDefaultContext'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = requireId(this, 'project', 'Project', itemIndex);
	return (await flowRequest.call(this, {
		service: 'admin',
		method: 'PUT',
		path: '/users/me/default-context',
		body: { project_id: projectId },
		itemIndex,
	})) as IDataObject;
}

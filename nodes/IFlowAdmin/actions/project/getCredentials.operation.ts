import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flowRequest, resolveProjectId } from '../../../shared/transport';
import { maskCredentialSecrets } from './maskSecrets';
import { projectField } from './projectField';

const show = { resource: ['project'], operation: ['getCredentials'] };

export const description: INodeProperties[] = [
	projectField({ show }),
	{
		displayName: 'Include Secrets',
		name: 'includeSecrets',
		type: 'boolean',
		default: false,
		description:
			'Whether to return the secret values (service account key, access keys) in clear text. Off: every secret is shown as ****.',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = (await resolveProjectId(this, 'required', itemIndex)) as string;
	const includeSecrets = this.getNodeParameter('includeSecrets', itemIndex, false) as boolean;
	const body = (await flowRequest.call(this, {
		service: 'admin',
		method: 'GET',
		path: `/projects/${encodeURIComponent(projectId)}/credentials`,
		qs: includeSecrets ? { include_secrets: true } : {},
		itemIndex,
	})) as IDataObject;
	// The server masks by default; mask here too in case it returns what was not asked for.
	return includeSecrets ? body : maskCredentialSecrets(body);
}

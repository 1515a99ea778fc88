import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requiredProject } from '../../../shared/project';
import { flowRequest, requireQueryParametersOffered } from '../../../shared/transport';
import { maskCredentialSecrets } from './maskSecrets';
import { projectField } from '../../../shared/descriptions';
import { PROJECT_ID_OR_SLUG } from './get.operation';

const properties: INodeProperties[] = [
	projectField({ description: PROJECT_ID_OR_SLUG }),
	{
		displayName: 'Include Secrets',
		name: 'includeSecrets',
		type: 'boolean',
		default: false,
		description:
			'Whether to return the secret values (service account key, access keys) in clear text. Off: every secret is shown as ****.',
	},
];

const displayOptions = { show: { resource: ['project'], operation: ['getCredentials'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const SECRETS_INSTEAD =
	'read the secrets where they are kept (the Admin Console, or your cloud console). The reference says this endpoint does not reveal them to ordinary users.';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = await requiredProject(this, itemIndex);
	const includeSecrets = this.getNodeParameter('includeSecrets', itemIndex, false) as boolean;
	const call = {
		service: 'admin' as const,
		method: 'GET' as const,
		path: `/projects/${encodeURIComponent(projectId)}/credentials`,
		itemIndex,
	};
	// `include_secrets` is INFERRED: a server without it would answer masked values as if asked.
	if (includeSecrets) await requireQueryParametersOffered(this, call, ['include_secrets'], SECRETS_INSTEAD);
	const body = (await flowRequest.call(this, {
		...call,
		qs: includeSecrets ? { include_secrets: true } : {},
	})) as IDataObject;
	if (!includeSecrets) return maskCredentialSecrets(body); // also if a server returns what was not asked for
	if (body?.secret_included !== true) {
		throw new NodeOperationError(this.getNode(), 'iFlow did not return the secrets of this credential', {
			itemIndex,
			description: `GET ${call.path} answered without the secret values (secret_included is not true): this server does not reveal them to this token. Instead: ${SECRETS_INSTEAD}`,
		});
	}
	return body;
}

/**
 * A test-only declarative node built the way n8n's credentials tester builds one: a single
 * property whose routing request is the credential's `test.request`, run by n8n's RoutingNode.
 * Running it through the engine sends exactly the request "Test credential" sends.
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { IFlowApi } from '../../../credentials/IFlowApi.credentials';

export class CredentialTestProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Credential Test Probe',
		name: 'credentialTestProbe',
		icon: { light: 'file:../../../icons/iflow.svg', dark: 'file:../../../icons/iflow.dark.svg' },
		group: ['transform'],
		version: 1,
		description: 'Test-only node',
		subtitle: 'credential test',
		usableAsTool: true,
		defaults: { name: 'Credential Test' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iFlowApi', required: true }],
		// Marks the node as declarative for the engine; the tester runs RoutingNode directly.
		requestDefaults: {},
		properties: [
			{
				displayName: 'Temp',
				name: 'temp',
				type: 'string',
				default: '',
				routing: { request: new IFlowApi().test.request },
			},
		],
	};
}

import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { ENVIRONMENT_DOMAINS } from '../nodes/shared/transport/services';

/**
 * iFlow personal access token. The nodes derive each Flow service's base URL from the
 * environment in nodes/shared/transport/services.ts (serviceRootUrl); the `test` request below
 * repeats that rule as an expression, because a credential test cannot call code, with the same
 * table of environment domains written into it. In n8n's HTTP Request node the credential adds
 * the bearer header to any Flow URL.
 */
export class IFlowApi implements ICredentialType {
	name = 'iFlowApi';

	displayName = 'iFlow API';

	icon: Icon = { light: 'file:../icons/iflow.svg', dark: 'file:../icons/iflow.dark.svg' };

	documentationUrl = 'https://docs.flow.labpgx.com/programmatic-access/api/authentication/';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: 'https://<service>.iflow.intelliseq.com' },
				{ name: 'Staging', value: 'staging', description: 'https://<service>.stg.iflow.intelliseq.com' },
				{ name: 'Development', value: 'development', description: 'https://<service>.flow.labpgx.com' },
				{ name: 'Custom', value: 'custom', description: 'Your own URL template, e.g. an on-premises iFlow' },
			],
			default: 'production',
		},
		{
			displayName: 'URL Template',
			name: 'baseUrlTemplate',
			type: 'string',
			// No default: a local address here would only work on a developer's machine (`npm start`
			// and the tests import a credential with their own emulator URL).
			default: '',
			placeholder: 'https://{service}.flow.example.org',
			description:
				'Base URL of a Flow service, with {service} standing for admin, compute, files, miner, report, vcf or audit. The path /api/v1 is added by the node.',
			displayOptions: { show: { environment: ['custom'] } },
			required: true,
		},
		{
			displayName: 'Allow Unencrypted HTTP',
			name: 'allowUnencryptedHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether to send the token over a plain http:// URL Template to a host other than this machine. Anyone on the network path can read it. Leave off unless the server is on a network you trust; http://127.0.0.1 and http://localhost work without it.',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Personal Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Create one in the iFlow Admin Console under Account › CLI Tokens',
		},
		{
			displayName: 'Default Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			placeholder: 'a3d9e0f4-58c2-4b0a-8d0e-7f1d2c3b4a50',
			description:
				'Project used when a node does not pick one. Sent as the X-Project-ID header to project-scoped services.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			// The admin service needs no project header: the cheapest authenticated call. A plain
			// http:// template to another host (without Allow Unencrypted HTTP) gets a scheme no
			// HTTP client speaks, so the test fails naming the option and nothing is sent.
			baseURL: `={{ ($credentials.environment === "custom" ? ($credentials.allowUnencryptedHttp ? $credentials.baseUrlTemplate : $credentials.baseUrlTemplate.trim().replace(/^http:(?=\\/\\/(?!(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d+)?(\\/|$)))/i, "refused-plain-http.turn-on-allow-unencrypted-http:")).replace("{service}", "admin").replace(/\\/+$/, "") : "https://admin." + (${JSON.stringify(ENVIRONMENT_DOMAINS)})[$credentials.environment]) }}/api/v1`,
			url: '/projects',
			method: 'GET',
			// n8n would copy the token onto a redirect to any host: a redirect fails the test instead.
			disableFollowRedirect: true,
		},
	};
}

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const FLOW_SERVICES = ['admin', 'compute', 'files', 'miner', 'report', 'vcf', 'audit'] as const;

export type FlowService = (typeof FLOW_SERVICES)[number];

const ENVIRONMENT_DOMAINS: Record<string, string> = {
	production: 'iflow.intelliseq.com',
	staging: 'stg.iflow.intelliseq.com',
	development: 'flow.labpgx.com',
};

/** Root URL of one Flow service (without `/api/v1`), per the credential's environment. */
export function serviceRootUrl(credentials: ICredentialDataDecryptedObject, service: FlowService): string {
	const environment = (credentials.environment as string) || 'production';
	if (environment === 'custom') {
		const template = String(credentials.baseUrlTemplate ?? '').trim();
		return template.replace(/\{service\}/g, service).replace(/\/+$/, '');
	}
	const domain = ENVIRONMENT_DOMAINS[environment] ?? ENVIRONMENT_DOMAINS.production;
	return `https://${service}.${domain}`;
}

/** Base URL of a service's REST API. */
export function serviceApiUrl(credentials: ICredentialDataDecryptedObject, service: FlowService): string {
	return `${serviceRootUrl(credentials, service)}/api/v1`;
}

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const FLOW_SERVICES = ['admin', 'compute', 'files', 'miner', 'report', 'vcf', 'audit'] as const;

export type FlowService = (typeof FLOW_SERVICES)[number];

/** The domain of each named environment: services live at `https://<service>.<domain>`. */
export const ENVIRONMENT_DOMAINS: Record<string, string> = {
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

/** This machine: 127.0.0.0/8, localhost or [::1] (a URL's hostname, as `new URL` gives it). */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase();
	return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Why a service URL must not carry the token, or undefined when it may: an empty Custom
 * template, an invalid URL, or plain http:// to a host other than this machine (the token
 * would be readable to anyone on the way) unless the credential says "Allow Unencrypted HTTP".
 */
export function unencryptedUrlProblem(url: string, credentials: ICredentialDataDecryptedObject): string | undefined {
	// The Custom template has no default, so an unfilled one must say so rather than "invalid URL".
	if (credentials.environment === 'custom' && !String(credentials.baseUrlTemplate ?? '').trim())
		return "'URL Template' is empty: the Custom environment needs your iFlow services' address, e.g. https://{service}.flow.example.org";
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `'URL Template' does not give a valid URL (${url.replace(/\?.*$/, '')})`;
	}
	if (parsed.protocol === 'https:') return undefined;
	if (parsed.protocol !== 'http:') return `'URL Template' must start with https:// (got ${parsed.protocol}//)`;
	if (isLoopbackHost(parsed.hostname) || credentials.allowUnencryptedHttp === true) return undefined;
	return `'URL Template' uses plain http:// for ${parsed.host}: the access token would travel unencrypted`;
}

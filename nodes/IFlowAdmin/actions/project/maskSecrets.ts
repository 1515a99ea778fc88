import type { IDataObject } from 'n8n-workflow';

export const MASK = '****';

// Secret-looking keys outside the `secrets` object (a server may flatten them).
const SECRET_KEY = /secret|private|password|token|service_account_json|^access_key/i;

/** A credential record with every secret value replaced by `****`. */
export function maskCredentialSecrets(record: IDataObject): IDataObject {
	const masked: IDataObject = {};
	for (const [key, value] of Object.entries(record ?? {})) {
		if (key === 'secrets' && value && typeof value === 'object' && !Array.isArray(value)) {
			masked.secrets = Object.fromEntries(Object.keys(value).map((name) => [name, MASK]));
		} else if (key === 'secret_included') {
			masked.secret_included = false;
		} else if (SECRET_KEY.test(key) && value !== null && value !== undefined && value !== '') {
			masked[key] = MASK;
		} else {
			masked[key] = value;
		}
	}
	return masked;
}

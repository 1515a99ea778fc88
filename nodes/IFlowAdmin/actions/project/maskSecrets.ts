import type { IDataObject } from 'n8n-workflow';

import { UUID_PATTERN } from '../../../shared/descriptions';

export const MASK = '****';

/**
 * Masking for Project › Get Credentials with Include Secrets off. The response's shape is not
 * documented (storage backends differ, a server may nest or flatten), so nothing is assumed about
 * it: every level is walked, and when in doubt a value is masked rather than shown.
 */

// A key naming a secret, at any depth: its whole value is masked (structure kept, leaves hidden).
const SECRET_KEY =
	/secret|private|passw|token|key|hmac|signature|credentials|_json$|cert|pem|auth|session|sas|connection_string|dsn/i;

// Plain descriptive fields that match SECRET_KEY by accident; shown when they hold a plain scalar.
const DESCRIPTIVE_KEYS = new Set(['credential_id', 'credential_name', 'secret_included']);

/** A string that is a secret by its shape, whatever its key: a PEM block, a JSON key file, a token. */
function looksSecret(value: string): boolean {
	const text = value.trim();
	if (/-----BEGIN [A-Z0-9 ]+-----/.test(text)) return true;
	// A JSON object in a string is how key files travel (service account JSON, HMAC key pairs).
	if (text.startsWith('{') && text.endsWith('}')) return true;
	// Long opaque tokens (access keys, base64 key material): letters and digits, no spaces, not an id.
	if (text.length >= 20 && !UUID_PATTERN.test(text) && /^[A-Za-z0-9+/=_.~-]+$/.test(text)) {
		return /[A-Za-z]/.test(text) && /[0-9]/.test(text) && !/^[a-z0-9-]+$/.test(text);
	}
	return false;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** Every leaf masked; objects keep their keys, lists their length, so the shape stays readable. */
function maskAll(value: unknown, depth: number): unknown {
	if (isEmpty(value)) return value;
	if (depth > 20) return MASK;
	if (Array.isArray(value)) return value.map((entry) => maskAll(entry, depth + 1));
	if (typeof value === 'object') {
		return Object.fromEntries(Object.entries(value as IDataObject).map(([k, v]) => [k, maskAll(v, depth + 1)]));
	}
	return MASK;
}

function maskValue(key: string, value: unknown, depth: number): unknown {
	if (key === 'secret_included') return false; // they are not, in this output
	const scalar = value === null || ['string', 'number', 'boolean'].includes(typeof value);
	if (DESCRIPTIVE_KEYS.has(key) && scalar) return typeof value === 'string' && looksSecret(value) ? MASK : value;
	if (SECRET_KEY.test(key)) return maskAll(value, depth);
	return maskTree(value, depth + 1);
}

function maskTree(value: unknown, depth: number): unknown {
	if (depth > 20) return isEmpty(value) ? value : MASK; // deeper than any credential: do not look, hide
	if (typeof value === 'string') return looksSecret(value) ? MASK : value;
	if (Array.isArray(value)) return value.map((entry) => maskTree(entry, depth + 1));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as IDataObject).map(([key, entry]) => [key, maskValue(key, entry, depth)]),
		);
	}
	return value;
}

/** A credential record with every secret value replaced by `****`, at any depth. */
export function maskCredentialSecrets(record: IDataObject): IDataObject {
	return maskTree(record ?? {}, 0) as IDataObject;
}

import type { IDataObject } from 'n8n-workflow';

import { maskCredentialSecrets } from '../../../nodes/IFlowAdmin/actions/project/maskSecrets';

const PEM = ['-----BEGIN RSA PRIVATE KEY-----', 'AAAA', '-----END RSA PRIVATE KEY-----'].join('\n');

describe('maskCredentialSecrets', () => {
	test('masks by key name at any depth, keeping the shape', () => {
		expect(
			maskCredentialSecrets({
				gcs: { service_account_key: 'k', credentials_json: '{}', hmac_key: { id: 'a', secret: 'b' } },
				aws: [{ secret_access_key: 's', session_token: 't' }],
				password: '',
				api_token: null,
			}),
		).toEqual({
			gcs: { service_account_key: '****', credentials_json: '****', hmac_key: { id: '****', secret: '****' } },
			aws: [{ secret_access_key: '****', session_token: '****' }],
			password: '',
			api_token: null,
		});
	});

	test.each([
		['a PEM block', PEM],
		['a JSON key file', '{"type":"service_account","private_key":"x"}'],
		['an opaque token', 'wJalrXUtnFEMI9K7MDENGbPxRfiCYEXAMPLEKEY'],
	])('masks %s under any key', (_name, value) => {
		expect(maskCredentialSecrets({ info: { note: value } })).toEqual({ info: { note: '****' } });
	});

	test.each([
		['bucket names', 'bgl-hereditary-research-2026'],
		['ids', '0b7e0a52-8c1f-4f3c-9e1a-2d4f5a6b7c80'],
		['timestamps', '2026-01-13T10:15:02Z'],
		['regions', 'eu-central-1'],
		['plain text', 'Main bucket of the hereditary panel'],
	])('keeps %s', (_name, value) => {
		expect(maskCredentialSecrets({ info: { value } })).toEqual({ info: { value } });
	});

	test('descriptive fields stay, secret_included is false', () => {
		expect(
			maskCredentialSecrets({ credential_id: 'c1', credential_name: 'main', secret_included: true, backend: 'gcs' }),
		).toEqual({ credential_id: 'c1', credential_name: 'main', secret_included: false, backend: 'gcs' });
	});

	test('a structure deeper than any credential is hidden, not walked', () => {
		let deep: IDataObject = { value: 'leaf' };
		for (let i = 0; i < 30; i++) deep = { level: deep };
		expect(JSON.stringify(maskCredentialSecrets(deep))).not.toContain('leaf');
	});
});

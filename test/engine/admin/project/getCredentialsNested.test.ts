// Security: the shape of the credentials response is not documented, so the node masks secrets at
// any depth, by key name and by what a value looks like, when Include Secrets is off. The server
// is made to return secrets it should not (the emulator's fault facility answers with this body).
import { IFlowAdmin } from '../../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { allText, runNode } from '../../../helpers/engine';
import { PROJECT_A } from '../../../helpers/emulator';
import { useEmulatorHandle } from '../../../helpers/suite';
import { fullOnly } from '../../profile';

const emu = useEmulatorHandle();

const node = new IFlowAdmin();
// admin/project/documented.test.ts: Include Secrets on a server without `include_secrets`.
const includeSecrets = fullOnly('include_secrets, not in the reference');
const parameters = { resource: 'project', operation: 'getCredentials', project: { mode: 'id', value: PROJECT_A } };

// Fake values built at run time, so no secret-looking literal sits in the source.
const PEM = ['-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', '-----END PRIVATE KEY-----'].join('\n');
const KEY_FILE = JSON.stringify({ type: 'service_account', client_email: 'x@y', private_key: PEM });
const LEAKS = {
	sak: 'SAK-LEAK-0001',
	hmac: 'HMAC-LEAK-0002',
	json: 'JSON-LEAK-0003',
	sec: 'SEC-LEAK-0004',
	list: 'LIST-LEAK-0005',
	opaque: ['hQ7vK2mX9pL4', 'nR8sT1wY6zB3cD5fG0jA'].join(''),
};

const NESTED_BODY = {
	project_id: PROJECT_A,
	credential_id: 'c-1',
	credential_name: 'bgl-gcs-main',
	backend: 'gcs',
	bucket_name: 'bgl-hereditary-2026',
	region: null,
	secret_included: true,
	storage: {
		gcs: { service_account_key: LEAKS.sak, hmac_key: { access_id: 'GOOG1E', secret: LEAKS.hmac } },
		s3: [{ access_key_id: 'AKIA', secret_access_key: LEAKS.sec }],
	},
	credentials_json: `{"x":"${LEAKS.json}"}`,
	keys: [{ id: 'k1', value: LEAKS.list }],
	extra: { note: KEY_FILE, blob: PEM, opaque: LEAKS.opaque, site: 'eu-central-1' },
};

describe('Admin › Project › Get Credentials: nested secrets', () => {
	test('a nested credential the server returns unasked is masked at every depth', async () => {
		await emu.fault({ service: 'admin', path: '/credentials', status: 200, body: NESTED_BODY });
		const result = await runNode({ node, parameters, credentials: emu.credentials() });
		expect(result.status).toBe('success');
		const text = allText(result.run);
		for (const leak of [...Object.values(LEAKS), 'BEGIN PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC']) {
			expect(text).not.toContain(leak);
		}
		expect(result.output[0].json).toMatchObject({
			project_id: PROJECT_A,
			credential_id: 'c-1',
			credential_name: 'bgl-gcs-main',
			backend: 'gcs',
			bucket_name: 'bgl-hereditary-2026',
			region: null,
			secret_included: false,
			storage: {
				gcs: { service_account_key: '****', hmac_key: { access_id: '****', secret: '****' } },
				s3: [{ access_key_id: '****', secret_access_key: '****' }],
			},
			keys: [{ id: '****', value: '****' }],
			extra: { note: '****', blob: '****', opaque: '****', site: 'eu-central-1' },
		});
	});

	includeSecrets.test('Include Secrets on returns the body as iFlow sent it', async () => {
		await emu.fault({ service: 'admin', path: '/credentials', status: 200, body: NESTED_BODY });
		const result = await runNode({
			node,
			parameters: { ...parameters, includeSecrets: true },
			credentials: emu.credentials(),
		});
		expect(allText(result.output)).toContain(LEAKS.sak);
	});
});

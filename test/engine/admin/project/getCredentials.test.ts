import type { IDataObject } from 'n8n-workflow';

import { IFlowAdmin } from '../../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { maskCredentialSecrets } from '../../../../nodes/IFlowAdmin/actions/project/maskSecrets';
import { allText, runNode } from '../../../helpers/engine';
import { PROJECT_A, PROJECT_B, TOKENS } from '../../../helpers/emulator';
import { useEmulatorHandle, operationParams } from '../../../helpers/suite';
import { byProfile, fullOnly } from '../../profile';

const emu = useEmulatorHandle();
/** Project B's seeded S3 secret key, read from the emulator state (not written in source). */
let SEEDED_S3_KEY: string;
beforeAll(async () => {
	const state = await emu.control<{ projects: Array<{ id: string; storage_credential: { secrets: IDataObject } }> }>(
		'GET',
		'/state',
	);
	const projectB = state.projects.find((p) => p.id === PROJECT_B);
	SEEDED_S3_KEY = String(projectB?.storage_credential.secrets.secret_access_key);
});

const node = new IFlowAdmin();
// admin/project/documented.test.ts: Include Secrets on a server without `include_secrets`.
const includeSecrets = fullOnly('include_secrets, not in the reference');
const parameters = operationParams('project', 'getCredentials', {
	project: { mode: 'id', value: PROJECT_B },
});

describe('Admin › Project › Get Credentials', () => {
	test('secrets are masked by default and not asked for', async () => {
		const result = await runNode({ node, parameters: parameters(), credentials: emu.credentials() });
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({
			project_id: PROJECT_B,
			backend: 's3',
			bucket_name: 'bgl-somatic-research',
			region: 'eu-central-1',
			secret_included: false,
		});
		// `secrets` is an x-inferred field: only a server that has it sends it (masked here).
		const masked = { access_key_id: '****', secret_access_key: '****' };
		expect(result.output[0].json.secrets).toEqual(byProfile({ full: masked, documented: undefined }));
		expect(allText(result.run)).not.toContain(SEEDED_S3_KEY);
		const [request] = await emu.requests({ service: 'admin' });
		expect(request).toMatchObject({ path: `/api/v1/projects/${PROJECT_B}/credentials`, status: 200 });
		expect(request.query.include_secrets).toBeUndefined();
	});

	includeSecrets.test('Include Secrets returns them in clear text', async () => {
		const result = await runNode({
			node,
			parameters: parameters({ includeSecrets: true }),
			credentials: emu.credentials(),
		});
		expect(result.output[0].json).toMatchObject({
			secret_included: true,
			secrets: { secret_access_key: SEEDED_S3_KEY },
		});
		const [request] = await emu.requests({ service: 'admin' });
		expect(request.query.include_secrets).toBe('true');
	});

	test('secrets the server returns unasked are masked by the node', async () => {
		await emu.fault({
			service: 'admin',
			path: '/credentials',
			status: 200,
			body: {
				project_id: PROJECT_A,
				backend: 'gcs',
				secret_included: true,
				secrets: { service_account_json: '{"private_key":"LEAKED-KEY-123"}' },
				private_key: 'LEAKED-KEY-123',
			},
		});
		const result = await runNode({
			node,
			parameters: parameters({ project: { mode: 'id', value: PROJECT_A } }),
			credentials: emu.credentials(),
		});
		expect(result.status).toBe('success');
		expect(allText(result.output)).not.toContain('LEAKED-KEY-123');
		expect(result.output[0].json).toMatchObject({ secret_included: false, secrets: { service_account_json: '****' } });
	});

	test('non-admins get a readable 403', async () => {
		const result = await runNode({
			node,
			parameters: parameters({ project: { mode: 'id', value: PROJECT_A } }),
			credentials: emu.credentials({ accessToken: TOKENS.editor }),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Permission denied: Only project admins may read storage credentials/);
	});

	test('masking helper keeps non-secret fields', () => {
		expect(
			maskCredentialSecrets({ credential_id: 'c1', access_key_id: 'AK', secrets: { a: 'b' }, region: null }),
		).toEqual({ credential_id: 'c1', access_key_id: '****', secrets: { a: '****' }, region: null });
	});
});

import type { INodeParameters } from 'n8n-workflow';

import { IFlowAdmin } from '../../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { runNode } from '../../../helpers/engine';
import { PROJECT_A } from '../../../helpers/emulator';
import { useEmulatorHandle } from '../../../helpers/suite';
import { useProfile } from '../../profile';

// Include Secrets needs `include_secrets`, which the published reference does not have: a server
// without it would answer masked values as if the option were off.

const emu = useEmulatorHandle();
beforeEach(async () => {
	await useProfile(emu, 'documented');
	await emu.clearRequests();
});

const node = new IFlowAdmin();
const run = async (extra: INodeParameters, continueOnFail = false) =>
	await runNode({
		node,
		parameters: {
			resource: 'project',
			operation: 'getCredentials',
			project: { mode: 'id', value: PROJECT_A },
			...extra,
		},
		credentials: emu.credentials(),
		continueOnFail,
	});

describe('Admin › Project › Get Credentials on a server with only the published reference', () => {
	test('Include Secrets: "not offered" before any request', async () => {
		const result = await run({ includeSecrets: true });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			"This iFlow server does not offer the 'include_secrets' parameter of GET /projects/" +
				PROJECT_A +
				'/credentials (admin service)',
		);
		expect(await emu.requests()).toHaveLength(0);
		const kept = await run({ includeSecrets: true }, true);
		expect(kept.output[0].json.error).toMatch(/include_secrets/);
	});

	test('without it, the masked credential as usual', async () => {
		const result = await run({ includeSecrets: false });
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ project_id: PROJECT_A, secret_included: false });
	});

	test('a server that lists it but answers without the secrets: an error, not a masked success', async () => {
		await useProfile(emu, 'full');
		await emu.fault({
			service: 'admin',
			path: '/credentials$',
			status: 200,
			body: {
				project_id: PROJECT_A,
				backend: 'gcs',
				bucket_name: 'b',
				secret_included: false,
				secrets: { service_account_json: '****' },
			},
		});
		const result = await run({ includeSecrets: true });
		expect(result.error?.message).toBe('iFlow did not return the secrets of this credential');
	});
});

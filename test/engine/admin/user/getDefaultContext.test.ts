import { IFlowAdmin } from '../../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { runNode } from '../../../helpers/engine';
import { ORG_ID, PROJECT_A, TOKENS } from '../../../helpers/emulator';
import { useEmulatorHandle } from '../../../helpers/suite';

const emu = useEmulatorHandle();

const node = new IFlowAdmin();
const parameters = { resource: 'user', operation: 'getDefaultContext' };

describe('Admin › User › Get Default Context', () => {
	test("returns the user's default organization and project", async () => {
		const result = await runNode({ node, parameters, credentials: emu.credentials() });
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({
			org_id: ORG_ID,
			project_id: PROJECT_A,
			bucket_name: 'bgl-hereditary-2026',
		});
		const [request] = await emu.requests({ service: 'admin' });
		expect(request).toMatchObject({ method: 'GET', path: '/api/v1/users/me/default-context', status: 200 });
	});

	test('no default: every field is null', async () => {
		const result = await runNode({ node, parameters, credentials: emu.credentials({ accessToken: TOKENS.viewer }) });
		expect(result.output[0].json).toMatchObject({ project_id: null, org_id: null });
	});
});

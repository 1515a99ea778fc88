import type { INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { IFlowAdmin } from '../../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { runNode } from '../../../helpers/engine';
import { PROJECT_A, PROJECT_B, TOKENS } from '../../../helpers/emulator';
import { useEmulatorHandle } from '../../../helpers/suite';

const emu = useEmulatorHandle();

const node = new IFlowAdmin();
const parameters = (project: NodeParameterValueType): INodeParameters => ({
	resource: 'user',
	operation: 'setDefaultContext',
	project,
});

describe('Admin › User › Set Default Context', () => {
	test('sets the default project', async () => {
		const result = await runNode({
			node,
			parameters: parameters({ mode: 'list', value: PROJECT_B }),
			credentials: emu.credentials(),
		});
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ project_id: PROJECT_B, project_name: 'Somatic Research' });
		const [request] = await emu.requests({ service: 'admin', method: 'PUT' });
		expect(request).toMatchObject({ path: '/api/v1/users/me/default-context', body: { project_id: PROJECT_B } });
		expect(request.headers['x-project-id']).toBeUndefined();
		const after = await emu.api('admin', 'GET', '/users/me/default-context');
		expect(after.project_id).toBe(PROJECT_B);
	});

	test('a project the user has no role in is a readable 404; Continue On Fail', async () => {
		const credentials = emu.credentials({ accessToken: TOKENS.viewer });
		const failed = await runNode({ node, parameters: parameters({ mode: 'id', value: PROJECT_B }), credentials });
		expect(failed.error?.message).toMatch(/Not found/);
		const kept = await runNode({
			node,
			parameters: parameters({ mode: 'id', value: PROJECT_B }),
			credentials,
			continueOnFail: true,
		});
		expect(kept.output[0].json).toMatchObject({ httpCode: '404' });
		const after = await emu.api('admin', 'GET', '/users/me/default-context', { token: TOKENS.viewer });
		expect(after.project_id).toBeNull();
		expect(PROJECT_A).toBeDefined();
	});
});

import type { INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { IFlowAdmin } from '../../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { runNode } from '../../../helpers/engine';
import { PROJECT_A, PROJECT_B, TOKENS } from '../../../helpers/emulator';
import { useEmulatorHandle } from '../../../helpers/suite';

const emu = useEmulatorHandle();

const node = new IFlowAdmin();
const get = (project: NodeParameterValueType): INodeParameters => ({ resource: 'project', operation: 'get', project });

describe('Admin › Project › Get', () => {
	test('gets one project by ID', async () => {
		const result = await runNode({
			node,
			parameters: get({ mode: 'id', value: PROJECT_B }),
			credentials: emu.credentials(),
		});
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({
			id: PROJECT_B,
			name: 'Somatic Research',
			bucket_name: 'bgl-somatic-research',
		});
		const [request] = await emu.requests({ service: 'admin' });
		expect(request).toMatchObject({ method: 'GET', path: `/api/v1/projects/${PROJECT_B}`, status: 200 });
	});

	test("an empty Project uses the credential's default project", async () => {
		const result = await runNode({
			node,
			parameters: get({ mode: 'list', value: '' }),
			credentials: emu.credentials(),
		});
		expect(result.output[0].json.id).toBe(PROJECT_A);
	});

	test('a project the token cannot see is a readable 404', async () => {
		const result = await runNode({
			node,
			parameters: get({ mode: 'id', value: PROJECT_B }),
			credentials: emu.credentials({ accessToken: TOKENS.viewer }),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Not found: Project not found/);
	});
});

import { IFlowAdmin } from '../../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { runNode } from '../../../helpers/engine';
import { ORG_ID, TOKENS } from '../../../helpers/emulator';
import { useEmulatorHandle } from '../../../helpers/suite';

const emu = useEmulatorHandle();

const node = new IFlowAdmin();
const parameters = { resource: 'organization', operation: 'getMany', returnAll: true };

describe('Admin › Organization › Get Many', () => {
	test('lists the organizations of the token without a project header', async () => {
		const result = await runNode({ node, parameters, credentials: emu.credentials() });
		expect(result.status).toBe('success');
		expect(result.output.map((item) => item.json.id)).toEqual([ORG_ID]);
		expect(result.output[0].json).toMatchObject({ name: 'Baltic Genomics Lab', slug: 'baltic-genomics-lab' });
		const requests = await emu.requests({ service: 'admin' });
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/orgs', status: 200 });
		expect(requests[0].headers['x-project-id']).toBeUndefined();
	});

	test('Limit caps the output', async () => {
		const extra = { id: '7a2d3c0f-4b52-4e8f-8b66-1d3a7c9e2f02', name: 'Second Lab', slug: 'second-lab' };
		await emu.control('POST', '/seed', {
			orgs: [extra],
			users: [{ id: 'e1a0c0de-0000-4000-8000-000000000001', org_roles: { [ORG_ID]: 'admin', [extra.id]: 'member' } }],
		});
		const all = await runNode({ node, parameters, credentials: emu.credentials() });
		expect(all.output).toHaveLength(2);
		const limited = await runNode({
			node,
			parameters: { ...parameters, returnAll: false, limit: 1 },
			credentials: emu.credentials(),
		});
		expect(limited.output).toHaveLength(1);
	});

	test('an expired token fails with a readable 401', async () => {
		const result = await runNode({ node, parameters, credentials: emu.credentials({ accessToken: TOKENS.expired }) });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/did not accept the access token/);
	});

	test('Continue On Fail turns the error into an item', async () => {
		await emu.fault({ service: 'admin', path: '/orgs', status: 500, body: { detail: 'boom' } });
		const result = await runNode({ node, parameters, credentials: emu.credentials(), continueOnFail: true });
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json.error).toMatch(/admin service failed \(HTTP 500\): boom/);
	});
});

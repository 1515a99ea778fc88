import { IFlowAdmin } from '../../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { runNode } from '../../../helpers/engine';
import { ORG_ID, PROJECT_A, PROJECT_B, TOKENS } from '../../../helpers/emulator';
import { useEmulatorHandle, operationParams } from '../../../helpers/suite';

const emu = useEmulatorHandle();

const node = new IFlowAdmin();
const parameters = operationParams('project', 'getMany', {
	returnAll: true,
});

describe('Admin › Project › Get Many', () => {
	test('lists every project the token can access', async () => {
		const result = await runNode({ node, parameters: parameters(), credentials: emu.credentials() });
		expect(result.status).toBe('success');
		expect(result.output.map((item) => item.json.id).sort()).toEqual([PROJECT_A, PROJECT_B].sort());
		const [request] = await emu.requests({ service: 'admin' });
		expect(request).toMatchObject({ method: 'GET', path: '/api/v1/projects', status: 200 });
	});

	test('the organization filter is sent as org_id', async () => {
		const result = await runNode({
			node,
			parameters: parameters({ filters: { orgId: ORG_ID } }),
			credentials: emu.credentials(),
		});
		expect(result.output).toHaveLength(2);
		const [request] = await emu.requests({ service: 'admin' });
		expect(request.query.org_id).toBe(ORG_ID);
	});

	test('Limit caps the output', async () => {
		const result = await runNode({
			node,
			parameters: parameters({ returnAll: false, limit: 1 }),
			credentials: emu.credentials(),
		});
		expect(result.output).toHaveLength(1);
	});

	test('a viewer sees only its project', async () => {
		const result = await runNode({
			node,
			parameters: parameters(),
			credentials: emu.credentials({ accessToken: TOKENS.viewer }),
		});
		expect(result.output.map((item) => item.json.id)).toEqual([PROJECT_A]);
	});

	test('API error, and Continue On Fail', async () => {
		// Asking to wait longer than the 60 s retry budget: the 503 is final at once.
		await emu.fault({ service: 'admin', path: '/projects', status: 503, retryAfter: '3600', count: 1 });
		const failed = await runNode({ node, parameters: parameters(), credentials: emu.credentials() });
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toMatch(/HTTP 503/);
		await emu.clearFaults();
		await emu.fault({ service: 'admin', path: '/projects', status: 404, body: { detail: 'gone' } });
		const kept = await runNode({
			node,
			parameters: parameters(),
			credentials: emu.credentials(),
			continueOnFail: true,
		});
		expect(kept.output[0].json.error).toMatch(/Not found: gone/);
	});
});

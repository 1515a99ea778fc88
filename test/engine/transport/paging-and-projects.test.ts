import { runNode } from '../../helpers/engine';
import { PROJECT_A, PROJECT_B } from '../../helpers/emulator';
import { useEmulatorHandle } from '../../helpers/suite';
import { fullOnly, SUITE_PROFILE } from '../profile';
import { probe } from './probe';
import { TransportProbe } from './TransportProbe.node';

const emu = useEmulatorHandle();

async function seedSubjects(count: number) {
	for (let i = 0; i < count; i++) {
		await emu.api('miner', 'POST', '/subjects', { body: { display_id: `SUB-${String(i).padStart(4, '0')}` } });
	}
	await emu.clearRequests();
}

const list = (parameters: Record<string, unknown>) =>
	runNode({
		node: new TransportProbe(),
		parameters: {
			resource: 'probe',
			operation: 'list',
			service: 'miner',
			path: '/subjects',
			projectRule: 'required',
			...parameters,
		},
		credentials: emu.credentials(),
	});

// Paging with offset only where the server lists it; the documented tests below show the rest.
const offsetPaging = fullOnly('offset paging, not in the reference');

describe('transport pagination', () => {
	offsetPaging.test('Return All follows limit/offset until a short page', async () => {
		await seedSubjects(250);
		const result = await list({ returnAll: true, pageSize: 100 });
		expect(result.output).toHaveLength(250);
		expect(new Set(result.output.map((item) => item.json.id)).size).toBe(250);
		const log = await emu.requests({ service: 'miner' });
		expect(log.map((r) => [r.query.limit, r.query.offset])).toEqual([
			['100', '0'],
			['100', '100'],
			['100', '200'],
		]);
	});

	offsetPaging.test('Limit stops early and asks only for what is missing', async () => {
		await seedSubjects(130);
		const result = await list({ returnAll: false, limit: 120, pageSize: 100 });
		expect(result.output).toHaveLength(120);
		const log = await emu.requests({ service: 'miner' });
		expect(log.map((r) => [r.query.limit, r.query.offset])).toEqual([
			['100', '0'],
			['20', '100'],
		]);
	});

	test('a server that caps pages lower than asked still yields everything (offset advances by what came back)', async () => {
		await seedSubjects(250);
		await emu.setProfile('full', { maxPageSize: 100 });
		const result = await list({ returnAll: true, pageSize: 500 }).finally(() => emu.setProfile(SUITE_PROFILE));
		expect(result.output).toHaveLength(250);
		expect(new Set(result.output.map((item) => item.json.id)).size).toBe(250);
		const log = await emu.requests({ service: 'miner' });
		expect(log.map((r) => [r.query.limit, r.query.offset])).toEqual([
			['500', '0'],
			['500', '100'],
			['500', '200'],
		]);
	});

	test('documented server (no offset in its /openapi.json): one request, never a repeated first page', async () => {
		await seedSubjects(250);
		await emu.setProfile('documented');
		try {
			const result = await list({ returnAll: true });
			expect(result.output).toHaveLength(250);
			const log = await emu.requests({ service: 'miner' });
			expect(log.map((r) => [r.query.limit, r.query.offset])).toEqual([['1000', undefined]]);
		} finally {
			await emu.setProfile(SUITE_PROFILE);
		}
	});

	test('documented server, more records than it returns at once: says so instead of returning part of the list', async () => {
		const subjects = Array.from({ length: 1200 }, (_, i) => ({
			id: `0000${String(i).padStart(4, '0')}-0000-4000-8000-000000000000`,
			project_id: PROJECT_A,
			display_id: `SUB-${String(i).padStart(5, '0')}`,
			created_at: '2026-01-01T00:00:00Z',
			updated_at: '2026-01-01T00:00:00Z',
		}));
		await emu.control('POST', '/seed', { subjects });
		await emu.clearRequests();
		await emu.setProfile('documented');
		try {
			const result = await list({ returnAll: true });
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe('This iFlow server cannot return more than 1000 records of GET /subjects');
			expect(result.error?.description).toMatch(/does not offer paging/);
			const log = await emu.requests({ service: 'miner' });
			expect(log.map((r) => r.query.limit)).toEqual(['1000', '10000']);
			// With a Limit it can give, it does.
			const some = await list({ returnAll: false, limit: 700 });
			expect(some.output).toHaveLength(700);
		} finally {
			await emu.setProfile(SUITE_PROFILE);
		}
	});

	test('every output item is paired with its input item', async () => {
		await seedSubjects(3);
		const result = await list({ returnAll: true });
		expect(result.output.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
	});

	test('a server that ignores offset does not loop forever', async () => {
		// The admin project list has no paging: every page is the same.
		const result = await list({
			service: 'admin',
			path: '/projects',
			projectRule: 'none',
			returnAll: true,
			pageSize: 1,
		});
		expect(result.status).toBe('success');
		expect(result.output.length).toBeGreaterThanOrEqual(2);
		expect((await emu.requests({ service: 'admin' })).length).toBeLessThanOrEqual(3);
	});
});

describe('transport project rules', () => {
	test('a required project that is missing fails before any request', async () => {
		const result = await probe(
			emu,
			{ service: 'miner', method: 'GET', path: '/subjects', projectRule: 'required' },
			{ projectId: '' },
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/No project selected: set the node's 'Project' field/);
		expect(await emu.requests()).toHaveLength(0);
	});

	test("the credential's default project is sent as X-Project-ID", async () => {
		await probe(emu, { service: 'miner', method: 'GET', path: '/subjects', projectRule: 'required' });
		const [request] = await emu.requests({ service: 'miner' });
		expect(request.headers['x-project-id']).toBe(PROJECT_A);
	});

	test("the node's Project field wins over the credential", async () => {
		await probe(emu, {
			service: 'miner',
			method: 'GET',
			path: '/subjects',
			projectRule: 'required',
			project: PROJECT_B,
		});
		const [request] = await emu.requests({ service: 'miner' });
		expect(request.headers['x-project-id']).toBe(PROJECT_B);
	});

	test('files also get the project as project_id query parameter', async () => {
		const result = await probe(emu, {
			service: 'files',
			method: 'GET',
			path: '/files',
			projectRule: 'required',
			projectInQuery: true,
		});
		expect(result.status).toBe('success');
		const [request] = await emu.requests({ service: 'files' });
		expect(request.query.project_id).toBe(PROJECT_A);
		expect(request.headers['x-project-id']).toBe(PROJECT_A);
	});

	test('admin calls never carry a project header', async () => {
		await probe(emu, { service: 'admin', method: 'GET', path: '/projects', projectRule: 'none' });
		const [request] = await emu.requests({ service: 'admin' });
		expect(request.headers['x-project-id']).toBeUndefined();
	});
});

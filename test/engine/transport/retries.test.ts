import { probe } from './probe';
import { useEmulatorHandle } from '../../helpers/suite';

const emu = useEmulatorHandle();

const listProjects = { service: 'admin', method: 'GET', path: '/projects' };
const createSubject = (id: string) => ({
	service: 'miner',
	method: 'POST',
	path: '/subjects',
	projectRule: 'required',
	body: JSON.stringify({ display_id: id }),
});

describe('transport retries', () => {
	test.each([429, 502, 503, 504])('GET retried after %i', async (status) => {
		await emu.fault({ service: 'admin', path: '/projects', count: 1, status });
		const result = await probe(emu, listProjects);
		expect(result.status).toBe('success');
		expect(await emu.requests({ service: 'admin' })).toHaveLength(2);
	});

	test('Retry-After in seconds is honoured', async () => {
		await emu.fault({ service: 'admin', path: '/projects', count: 2, status: 503, retryAfter: '1' });
		const result = await probe(emu, listProjects);
		expect(result.status).toBe('success');
		const log = await emu.requests({ service: 'admin' });
		expect(log).toHaveLength(3);
		// Each retry waited at least the second the server asked for.
		expect(Date.parse(log[1].time) - Date.parse(log[0].time)).toBeGreaterThanOrEqual(900);
	});

	test('Retry-After as an HTTP date is honoured', async () => {
		const when = new Date(Date.now() + 2000).toUTCString();
		await emu.fault({ service: 'admin', path: '/projects', count: 1, status: 429, retryAfter: when });
		const result = await probe(emu, listProjects);
		expect(result.status).toBe('success');
		const log = await emu.requests({ service: 'admin' });
		expect(log).toHaveLength(2);
		expect(Date.parse(log[1].time) - Date.parse(log[0].time)).toBeGreaterThanOrEqual(900);
	});

	test('a Retry-After beyond the time budget fails at once with the 429', async () => {
		await emu.fault({ service: 'admin', path: '/projects', count: 1, status: 429, retryAfter: '3600' });
		const result = await probe(emu, listProjects);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/rate limiting/);
		expect(await emu.requests({ service: 'admin' })).toHaveLength(1);
	});

	test('the retry budget is time: attempts go on until it is spent, and the error lists every answer', async () => {
		await emu.fault({ service: 'admin', path: '/projects', status: 503 });
		const started = Date.now();
		const result = await probe(emu, { ...listProjects, retryBudgetMs: 2500 });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/HTTP 503/);
		const attempts = (await emu.requests({ service: 'admin' })).length;
		expect(attempts).toBeGreaterThanOrEqual(4); // not a fixed five: as many as fit in the budget
		expect(result.error?.description).toContain(`after ${attempts} attempts over`);
		expect(result.error?.description).toContain(`(503 ×${attempts})`);
		expect(Date.now() - started).toBeLessThan(2500 + 2000);
	});

	test('the final error names each status met, not only the last', async () => {
		for (const status of [429, 429, 503]) {
			await emu.fault({ service: 'admin', path: '/projects', count: 1, status, retryAfter: '0' });
		}
		await emu.fault({ service: 'admin', path: '/projects', status: 429, retryAfter: '1' });
		const result = await probe(emu, { ...listProjects, retryBudgetMs: 2500 });
		expect(result.error?.message).toMatch(/rate limiting/);
		expect(result.error?.description).toMatch(/after \d+ attempts over \d+ s \(429 ×2, 503, 429 ×\d+\)/);
	});

	test('500 is not retried', async () => {
		await emu.fault({ service: 'admin', path: '/projects', count: 1, status: 500 });
		const result = await probe(emu, listProjects);
		expect(result.status).toBe('error');
		expect(await emu.requests({ service: 'admin' })).toHaveLength(1);
	});

	test('GET and PUT are retried after a connection reset', async () => {
		await emu.fault({ service: 'admin', path: '/projects', count: 1, reset: true });
		expect((await probe(emu, listProjects)).status).toBe('success');
		await emu.fault({ service: 'admin', path: '/users/me/default-context', method: 'PUT', count: 1, reset: true });
		const put = await probe(emu, {
			service: 'admin',
			method: 'PUT',
			path: '/users/me/default-context',
			body: JSON.stringify({ project_id: 'a3d9e0f4-58c2-4b0a-8d0e-7f1d2c3b4a50' }),
		});
		expect(put.status).toBe('success');
		expect(await emu.requests({ service: 'admin', method: 'PUT' })).toHaveLength(2);
	});

	test('a POST is never repeated after a connection reset', async () => {
		await emu.fault({ service: 'miner', method: 'POST', path: '^/api/v1/subjects$', count: 1, reset: true });
		const result = await probe(emu, createSubject('SUB-RESET'));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Could not reach iFlow miner/);
		expect(result.error?.description).toMatch(/may or may not have been processed/);
		expect(await emu.requests({ service: 'miner', method: 'POST' })).toHaveLength(1);
	});

	test('a POST is not repeated after 502 or 504 (it may have been processed)', async () => {
		for (const status of [502, 504]) {
			await emu.clearRequests();
			await emu.fault({ service: 'miner', method: 'POST', path: '^/api/v1/subjects$', count: 1, status });
			const result = await probe(emu, createSubject(`SUB-${status}`));
			expect(result.status).toBe('error');
			expect(await emu.requests({ service: 'miner', method: 'POST' })).toHaveLength(1);
		}
	});

	test('a POST is repeated after 429 and 503 (not processed)', async () => {
		await emu.fault({
			service: 'miner',
			method: 'POST',
			path: '^/api/v1/subjects$',
			count: 1,
			status: 429,
			retryAfter: '0',
		});
		await emu.fault({
			service: 'miner',
			method: 'POST',
			path: '^/api/v1/subjects$',
			count: 1,
			status: 503,
			retryAfter: '0',
		});
		const result = await probe(emu, createSubject('SUB-RETRY'));
		expect(result.status).toBe('success');
		expect(await emu.requests({ service: 'miner', method: 'POST' })).toHaveLength(3);
		const subjects = await emu.api<Array<{ display_id: string }>>('miner', 'GET', '/subjects');
		expect(subjects.filter((s) => s.display_id === 'SUB-RETRY')).toHaveLength(1);
	});

	test('a timed-out GET is retried; a timed-out POST is not', async () => {
		await emu.fault({ service: 'admin', path: '/projects', count: 1, delayMs: 1500 });
		const get = await probe(emu, { ...listProjects, timeout: 500 });
		expect(get.status).toBe('success');
		expect(await emu.requests({ service: 'admin' })).toHaveLength(2);

		await emu.fault({ service: 'miner', method: 'POST', path: '^/api/v1/subjects$', count: 1, delayMs: 1500 });
		const post = await probe(emu, { ...createSubject('SUB-SLOW'), timeout: 500 });
		expect(post.status).toBe('error');
		expect(post.error?.description).toMatch(/not repeated automatically/);
		expect(await emu.requests({ service: 'miner', method: 'POST' })).toHaveLength(1);
	});
});

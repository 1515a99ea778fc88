// The audit feed is not in the published reference (docs/flow-api.md §10.3: "no endpoints"). On a server that has
// it, the node's answer must not depend on the parameters we guessed (order, filters); on one
// without it, the node says so before any request.
import type { IDataObject } from 'n8n-workflow';

import { IFlowAudit } from '../../../../nodes/IFlowAudit/IFlowAudit.node';
import { runNode } from '../../../helpers/engine';
import { PROJECT_A, TOKENS } from '../../../helpers/emulator';
import { useEmulatorHandle, operationParams } from '../../../helpers/suite';
import { serveDocument } from '../../files/fixtures';
import { useProfile } from '../../profile';

const emu = useEmulatorHandle();
const ADMIN_ID = 'e1a0c0de-0000-4000-8000-000000000001';
const node = new IFlowAudit();
const parameters = operationParams('event', 'getMany', {
	returnAll: true,
});
/** Every audit event of project A, oldest first (read from the emulator directly). */
let events: IDataObject[];

beforeEach(async () => {
	await useProfile(emu, 'full');
	for (const displayId of ['SUB-1', 'SUB-2', 'SUB-3'])
		await emu.api('miner', 'POST', '/subjects', { body: { display_id: displayId } });
	const order = await emu.api('miner', 'POST', '/orders', { body: { display_id: 'ORD-1' }, token: TOKENS.editor });
	await emu.api('miner', 'POST', `/orders/${String(order.id)}/transition`, {
		body: { status: 'analyzing' },
		token: TOKENS.editor,
	});
	await emu.api('miner', 'POST', '/subjects', { body: { display_id: 'SUB-4' } });
	events = await emu.api<IDataObject[]>('audit', 'GET', '/events', { query: { order: 'asc', limit: 1000 } });
	await emu.clearRequests();
});

const ids = (output: Array<{ json: IDataObject }>) => output.map((item) => item.json.id);
const eventRequests = async () => await emu.requests({ service: 'audit', path: '/api/v1/events' });

/** A server whose audit document lists GET /events with only `limit`: no order, no filters, no offset. */
async function serveBareFeed() {
	await serveDocument(emu, 'audit', (doc) => {
		const get = (doc.paths as Record<string, { get: { parameters: IDataObject[] } }>)['/api/v1/events'].get;
		get.parameters = [{ name: 'limit', in: 'query', required: false, schema: { type: 'integer' } }];
	});
}

describe('Audit › Event › Get Many: order and Limit', () => {
	test('a server that sorts: oldest first with a Limit asks it for just that many', async () => {
		expect(events.length).toBeGreaterThanOrEqual(6);
		const result = await runNode({
			node,
			parameters: parameters({ returnAll: false, limit: 2, options: { order: 'asc' } }),
			credentials: emu.credentials(),
		});
		expect(ids(result.output)).toEqual(ids(events.slice(0, 2).map((json) => ({ json }))));
		const [request] = await eventRequests();
		expect(request.query).toMatchObject({ order: 'asc', limit: '2' });
	});

	test('a server that cannot sort: the node reads every event, sorts, then applies the Limit', async () => {
		await serveBareFeed();
		const oldest = await runNode({
			node,
			parameters: parameters({ returnAll: false, limit: 2, options: { order: 'asc' } }),
			credentials: emu.credentials(),
		});
		expect(ids(oldest.output)).toEqual(ids(events.slice(0, 2).map((json) => ({ json }))));
		const newest = await runNode({
			node,
			parameters: parameters({ returnAll: false, limit: 2 }),
			credentials: emu.credentials(),
		});
		expect(ids(newest.output)).toEqual(
			ids(
				events
					.slice(-2)
					.reverse()
					.map((json) => ({ json })),
			),
		);
		const all = await runNode({
			node,
			parameters: parameters({ options: { order: 'asc' } }),
			credentials: emu.credentials(),
		});
		expect(ids(all.output)).toEqual(ids(events.map((json) => ({ json }))));
		const requests = await eventRequests();
		expect(requests.every((request) => request.query.order === undefined && request.query.offset === undefined)).toBe(
			true,
		);
	});

	test('filters the server does not list are applied by the node: the same events', async () => {
		const from = String(events[1].occurred_at);
		const to = String(events[events.length - 2].occurred_at);
		const filters = { userId: ADMIN_ID, from, to, entityType: 'subject', action: 'subject.create' };
		const expected = events.filter(
			(event) =>
				event.actor_id === ADMIN_ID &&
				event.entity_type === 'subject' &&
				event.action === 'subject.create' &&
				Date.parse(String(event.occurred_at)) >= Date.parse(from) &&
				Date.parse(String(event.occurred_at)) <= Date.parse(to),
		);
		expect(expected.length).toBeGreaterThanOrEqual(2);
		const byServer = await runNode({
			node,
			parameters: parameters({ filters, returnAll: false, limit: 1, options: { order: 'asc' } }),
			credentials: emu.credentials(),
		});
		expect(ids(byServer.output)).toEqual([expected[0].id]);

		await serveBareFeed();
		await emu.clearRequests();
		const byNode = await runNode({
			node,
			parameters: parameters({ filters, returnAll: false, limit: 1, options: { order: 'asc' } }),
			credentials: emu.credentials(),
		});
		expect(ids(byNode.output)).toEqual([expected[0].id]);
		const all = await runNode({ node, parameters: parameters({ filters }), credentials: emu.credentials() });
		expect(ids(all.output)).toEqual(ids(expected.reverse().map((json) => ({ json }))));
		for (const request of await eventRequests()) {
			expect(Object.keys(request.query).filter((name) => name !== 'limit')).toEqual([]);
			expect(request.headers['x-project-id']).toBe(PROJECT_A);
		}
	});
});

describe('Audit › Event › Get Many on a server without the audit feed', () => {
	test('documented profile: "not offered" before any request, naming where the audit log is', async () => {
		await useProfile(emu, 'documented');
		const result = await runNode({
			node,
			parameters: parameters({ returnAll: false, limit: 2, options: { order: 'asc' } }),
			credentials: emu.credentials(),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('This iFlow server does not offer GET /events (audit service)');
		expect(result.error?.description).toMatch(
			/Instead: The published iFlow API reference documents no audit API\. The audit log is visible in the iFlow web app/,
		);
		expect(await eventRequests()).toHaveLength(0);
		const kept = await runNode({
			node,
			parameters: parameters(),
			credentials: emu.credentials(),
			continueOnFail: true,
		});
		expect(kept.output[0].json.error).toBe(result.error?.message);
	});

	test('no document and a route 404: the missing-endpoint error', async () => {
		await emu.fault({
			service: 'audit',
			method: 'GET',
			path: '^/openapi\\.json$',
			status: 404,
			body: { detail: 'Not Found' },
		});
		await emu.fault({
			service: 'audit',
			method: 'GET',
			path: '^/api/v1/events$',
			status: 404,
			body: { detail: 'Not Found' },
		});
		const result = await runNode({ node, parameters: parameters(), credentials: emu.credentials() });
		expect(result.error?.message).toBe('This iFlow server does not offer GET /events (audit service)');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toMatch(/documents no audit API/);
	});
});

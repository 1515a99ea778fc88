import type { IDataObject } from 'n8n-workflow';

import { IFlowAudit } from '../../../../nodes/IFlowAudit/IFlowAudit.node';
import { runNode } from '../../../helpers/engine';
import { PROJECT_A, TOKENS } from '../../../helpers/emulator';
import { useEmulatorHandle, operationParams } from '../../../helpers/suite';
import { fullOnly } from '../../profile';

const emu = useEmulatorHandle();
const ADMIN_ID = 'e1a0c0de-0000-4000-8000-000000000001';
const EDITOR_ID = 'e1a0c0de-0000-4000-8000-000000000002';
let orderId: string;
beforeEach(async () => {
	// Audited writes: two subjects by the admin, an order moved by the editor.
	await emu.api('miner', 'POST', '/subjects', { body: { display_id: 'SUB-1' } });
	await emu.api('miner', 'POST', '/subjects', { body: { display_id: 'SUB-2' } });
	const order = await emu.api('miner', 'POST', '/orders', { body: { display_id: 'ORD-1' }, token: TOKENS.editor });
	orderId = String(order.id);
	await emu.api('miner', 'POST', `/orders/${orderId}/transition`, {
		body: { status: 'analyzing' },
		token: TOKENS.editor,
	});
	await emu.clearRequests();
});

const node = new IFlowAudit();
// audit/event/reference.test.ts covers Get Many on a server without it.
const auditFeed = fullOnly('the audit API, not in the reference');
const parameters = operationParams('event', 'getMany', {
	returnAll: true,
});

describe('Audit › Event › Get Many', () => {
	auditFeed.test('events of one record, with the project header', async () => {
		const result = await runNode({
			node,
			parameters: parameters({ filters: { entityType: 'order', entityId: orderId } }),
			credentials: emu.credentials(),
		});
		expect(result.status).toBe('success');
		expect(result.output.map((item) => item.json.action)).toEqual(['order.transition', 'order.create']);
		expect(result.output[0].json).toMatchObject({ entity_id: orderId, actor_id: EDITOR_ID, project_id: PROJECT_A });
		const [request] = await emu.requests({ service: 'audit' });
		expect(request).toMatchObject({
			method: 'GET',
			path: '/api/v1/events',
			query: { entity_type: 'order', entity_id: orderId },
			status: 200,
		});
		expect(request.headers['x-project-id']).toBe(PROJECT_A);
	});

	auditFeed.test('user, action, date range and order filters', async () => {
		const events = await emu.api<IDataObject[]>('audit', 'GET', '/events', { query: { order: 'asc' } });
		const from = String(events[1].occurred_at);
		const to = String(events[2].occurred_at);
		await emu.clearRequests();
		const result = await runNode({
			node,
			parameters: parameters({
				filters: { userId: ADMIN_ID, from, to, action: 'subject.create' },
				options: { order: 'asc' },
			}),
			credentials: emu.credentials(),
		});
		expect(result.output.map((item) => item.json.occurred_at)).toEqual([from]);
		const [request] = await emu.requests({ service: 'audit', path: '/api/v1/events' });
		expect(request.query).toMatchObject({
			user_id: ADMIN_ID,
			action: 'subject.create',
			from: new Date(from).toISOString(),
			to: new Date(to).toISOString(),
			order: 'asc',
		});
	});

	auditFeed.test('Return All pages through; Limit stops early', async () => {
		const limited = await runNode({
			node,
			parameters: parameters({ returnAll: false, limit: 2 }),
			credentials: emu.credentials(),
		});
		expect(limited.output).toHaveLength(2);
		const all = await runNode({ node, parameters: parameters(), credentials: emu.credentials() });
		expect(all.output.length).toBeGreaterThanOrEqual(4);
		expect(new Set(all.output.map((item) => item.json.id)).size).toBe(all.output.length);
	});
});

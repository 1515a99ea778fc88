import { IFlowAudit } from '../../../nodes/IFlowAudit/IFlowAudit.node';
import { SIMPLIFY } from '../../../nodes/IFlowAudit/actions/simplify';
import { describeSimplify } from '../simplify';

describeSimplify('Audit', {
	node: new IFlowAudit(),
	table: SIMPLIFY,
	oldVersion: 1,
	cases: {
		'event.getMany': {
			beyondReference: 'GET /events (audit service)',
			setup: async (emu) => {
				const order = await emu.api('miner', 'POST', '/orders', { body: { display_id: 'ORD-1' } });
				await emu.api('miner', 'POST', `/orders/${String(order.id)}/transition`, { body: { status: 'analyzing' } });
				return {};
			},
			parameters: () => ({ resource: 'event', operation: 'getMany', returnAll: true }),
		},
	},
});

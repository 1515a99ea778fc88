import { IFlowAudit } from '../../../nodes/IFlowAudit/IFlowAudit.node';
import { SIMPLIFY } from '../../../nodes/IFlowAudit/actions/simplify';
import { startEmulator, type EmulatorHandle } from '../../helpers/emulator';
import { describeSimplify } from '../simplify';

let emu: EmulatorHandle;
beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => await emu.stop());
beforeEach(async () => await emu.reset());

describe('Audit › Simplify', () => {
	describeSimplify({
		node: new IFlowAudit(),
		table: SIMPLIFY,
		oldVersion: 1,
		emulator: () => emu,
		cases: {
			'event.getMany': {
				setup: async (target) => {
					const order = await target.api('miner', 'POST', '/orders', { body: { display_id: 'ORD-1' } });
					await target.api('miner', 'POST', `/orders/${String(order.id)}/transition`, {
						body: { status: 'analyzing' },
					});
					return {};
				},
				parameters: () => ({ resource: 'event', operation: 'getMany', returnAll: true }),
			},
		},
	});
});

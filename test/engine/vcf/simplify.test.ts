import { IFlowVcf } from '../../../nodes/IFlowVcf/IFlowVcf.node';
import { SIMPLIFY } from '../../../nodes/IFlowVcf/actions/simplify';
import { startEmulator, type EmulatorHandle } from '../../helpers/emulator';
import { describeSimplify } from '../simplify';
import { orderWithSamples } from './fixtures';

let emu: EmulatorHandle;
beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => await emu.stop());
beforeEach(async () => await emu.reset());

describe('VCF › Simplify', () => {
	describeSimplify({
		node: new IFlowVcf(),
		table: SIMPLIFY,
		oldVersion: 1,
		emulator: () => emu,
		cases: {
			'variant.getMany': {
				setup: async (target) => ({ orderId: (await orderWithSamples(target)).orderId }),
				parameters: ({ orderId }) => ({
					resource: 'variant',
					operation: 'getMany',
					order: { mode: 'id', value: orderId },
					returnAll: false,
					limit: 20,
				}),
			},
		},
	});
});

import { IFlowReport } from '../../../nodes/IFlowReport/IFlowReport.node';
import { SIMPLIFY } from '../../../nodes/IFlowReport/actions/simplify';
import { startEmulator, type EmulatorHandle } from '../../helpers/emulator';
import { describeSimplify } from '../simplify';
import { orderAt } from './fixtures';

let emu: EmulatorHandle;
beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => await emu.stop());
beforeEach(async () => await emu.reset());

const reportInReview = async (target: EmulatorHandle) => {
	const { reportId } = await orderAt(target, 'ORD-1', 'review');
	return { reportId: String(reportId) };
};

describe('Report › Simplify', () => {
	describeSimplify({
		node: new IFlowReport(),
		table: SIMPLIFY,
		oldVersion: 1,
		emulator: () => emu,
		cases: {
			'report.get': {
				setup: reportInReview,
				parameters: ({ reportId }) => ({
					resource: 'report',
					operation: 'get',
					report: { mode: 'id', value: reportId },
				}),
			},
			'report.getMany': {
				setup: reportInReview,
				parameters: () => ({ resource: 'report', operation: 'getMany', returnAll: true }),
			},
		},
	});
});

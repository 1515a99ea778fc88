import { IFlowReport } from '../../../nodes/IFlowReport/IFlowReport.node';
import { SIMPLIFY } from '../../../nodes/IFlowReport/actions/simplify';
import type { EmulatorHandle } from '../../helpers/emulator';
import { byId } from '../../helpers/suite';
import { describeSimplify } from '../simplify';
import { orderAt } from './fixtures';

const reportInReview = async (emu: EmulatorHandle) => {
	const { reportId } = await orderAt(emu, 'ORD-1', 'review');
	return { reportId: String(reportId) };
};

describeSimplify('Report', {
	node: new IFlowReport(),
	table: SIMPLIFY,
	oldVersion: 1,
	cases: {
		'report.get': {
			beyondReference: 'GET /reports/{report_id} (report service)',
			setup: reportInReview,
			parameters: ({ reportId }) => ({ resource: 'report', operation: 'get', report: byId(reportId) }),
		},
		'report.getMany': {
			beyondReference: 'GET /reports (report service)',
			setup: reportInReview,
			parameters: () => ({ resource: 'report', operation: 'getMany', returnAll: true }),
		},
	},
});

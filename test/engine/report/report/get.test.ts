import { loadOptionsContext } from '../../../helpers/engine';
import { PROJECT_B } from '../../../helpers/emulator';
import { node, orderAt, reportApi, run, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();

const parameters = operationWithId('report', 'get', 'report');

describe('Report › Get', () => {
	reportApi.test('gets a report record', async () => {
		const { orderId, reportId } = await orderAt(emu, 'ORD-1', 'review');
		await emu.clearRequests();
		const result = await run(emu, parameters({ mode: 'id', value: reportId }));
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ id: reportId, order_id: orderId, status: 'pending_review' });
		const [request] = await emu.requests({ service: 'report' });
		expect(request).toMatchObject({ method: 'GET', path: `/api/v1/reports/${reportId}`, status: 200 });
	});

	reportApi.test('the report list search labels reports by their order', async () => {
		const { reportId } = await orderAt(emu, 'ORD-1', 'review');
		const context = loadOptionsContext({
			node,
			parameters: parameters({ mode: 'list', value: '' }),
			credentials: emu.credentials(),
		});
		const found = await node.methods.listSearch.searchReports.call(context, 'ord-1');
		expect(found.results).toEqual([{ name: 'ORD-1 · pending_review', value: reportId }]);
	});

	reportApi.test('a report of another project is a readable 404; Continue On Fail', async () => {
		const { reportId } = await orderAt(emu, 'ORD-1', 'review');
		const result = await run(
			emu,
			{ ...parameters({ mode: 'id', value: reportId }), project: { mode: 'id', value: PROJECT_B } },
			{ continueOnFail: true },
		);
		expect(result.output[0].json.error).toMatch(/Not found: Report not found/);
	});
});

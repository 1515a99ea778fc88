import { PROJECT_A } from '../../../helpers/emulator';
import { orderAt, reportApi, run, useEmulatorHandle } from '../fixtures';
import { operationParams } from '../../../helpers/suite';

const emu = useEmulatorHandle();

const parameters = operationParams('report', 'getMany', {
	returnAll: true,
});

describe('Report › Get Many', () => {
	reportApi.test('lists reports with filters, with the project header', async () => {
		const first = await orderAt(emu, 'ORD-1', 'review');
		await orderAt(emu, 'ORD-2', 'sign_off');
		await emu.clearRequests();
		const all = await run(emu, parameters());
		expect(all.output).toHaveLength(2);
		const filtered = await run(emu, parameters({ filters: { orderId: first.orderId, status: 'pending_review' } }));
		expect(filtered.output.map((item) => item.json.id)).toEqual([first.reportId]);
		const log = await emu.requests({ service: 'report' });
		expect(log[1]).toMatchObject({
			path: '/api/v1/reports',
			query: { order_id: first.orderId, status: 'pending_review' },
		});
		expect(log[1].headers['x-project-id']).toBe(PROJECT_A);
	});

	reportApi.test('Return All pages through; Limit stops early', async () => {
		for (let i = 1; i <= 3; i++) await orderAt(emu, `ORD-${i}`, 'review');
		await emu.clearRequests();
		// A small page size is not a parameter: Limit 2 asks for 2 and stops.
		const limited = await run(emu, parameters({ returnAll: false, limit: 2 }));
		expect(limited.output).toHaveLength(2);
		const [request] = await emu.requests({ service: 'report' });
		expect(request.query).toMatchObject({ limit: '2', offset: '0' });
		const all = await run(emu, parameters());
		expect(all.output).toHaveLength(3);
	});

	reportApi.test('API error; Continue On Fail', async () => {
		await emu.fault({ service: 'report', path: '/reports', status: 400, body: { detail: 'bad filter' }, count: 2 });
		const failed = await run(emu, parameters());
		expect(failed.error?.message).toMatch(/iFlow rejected the request: bad filter/);
		const kept = await run(emu, parameters(), { continueOnFail: true });
		expect(kept.output[0].json).toMatchObject({ httpCode: '400' });
	});
});

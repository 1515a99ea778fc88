import { byId, createOrder, expectMinerRequest, run, UNKNOWN_ID, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';
import { orderWithSamples } from './samples';

const emu = useEmulatorHandle();
const sheet = operationWithId('order', 'getSamplesheet', 'orderId');

describe('Miner › Order › Get Samplesheet', () => {
	test('returns the CSV as a binary file named after the order', async () => {
		const { order } = await orderWithSamples(emu);
		const result = await run(emu, sheet(byId(String(order.id))));
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(1);
		const [item] = result.output;
		expect(item.json).toEqual({ order_id: order.id, file_name: 'ord-2026-7-samplesheet.csv', rows: 2 });
		expect(item.binary?.data).toMatchObject({ fileName: 'ord-2026-7-samplesheet.csv', mimeType: 'text/csv' });
		const csv = Buffer.from(String(item.binary?.data.data), 'base64').toString('utf8');
		expect(csv.split('\n')[0]).toBe('patient,sex,status,sample,lane,fastq_1,fastq_2');
		await expectMinerRequest(emu, 'GET', `/api/v1/orders/${String(order.id)}/samplesheet`);
	});

	test('optionally also one item per row, in a chosen binary field', async () => {
		const { order } = await orderWithSamples(emu);
		const result = await run(emu, sheet(byId(String(order.id)), { outputRows: true, binaryPropertyName: 'sheet' }));
		expect(result.output).toHaveLength(3);
		expect(result.output[0].binary?.sheet).toBeDefined();
		expect(result.output[1].json).toMatchObject({
			patient: 'SUB-1',
			sex: 'XX',
			status: '1',
			sample: 'SAM-T',
			lane: 'L001',
		});
		expect(String(result.output[1].json.fastq_1)).toMatch(/^gs:\/\/bgl-hereditary-2026\/samples\/sam-t\/uploads\/T_R1/);
		expect(result.output[2].json).toMatchObject({ sample: 'SAM-N', status: '0' });
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	test('an order without FASTQ files is a readable 409; Continue On Fail', async () => {
		const order = await createOrder(emu, 'ORD-EMPTY');
		const failed = await run(emu, sheet(byId(String(order.id))));
		expect(failed.error?.message).toMatch(/Conflict: /);
		const continued = await run(emu, sheet(byId(UNKNOWN_ID)), { continueOnFail: true });
		expect(continued.output[0].json.httpCode).toBe('404');
	});
});

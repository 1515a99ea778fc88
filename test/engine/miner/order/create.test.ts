import { createOrder, expectMinerRequest, run, useEmulatorHandle } from '../fixtures';
import { operationParams } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const create = operationParams('order', 'create', {
	displayId: 'ORD-1',
});

describe('Miner › Order › Create', () => {
	test('sends current-era names: display_id, priority low/medium/high, mode, dates', async () => {
		const result = await run(
			emu,
			create({
				additionalFields: {
					priority: 'high',
					mode: 'somatic',
					indication: 'Suspected BRCA1 variant',
					orderingProvider: 'Dr. Smith',
					dueDate: '2026-03-01T00:00:00.000Z',
					tags: 'wes',
				},
			}),
		);
		expect(result.output[0].json).toMatchObject({
			display_id: 'ORD-1',
			status: 'created',
			priority: 'high',
			mode: 'somatic',
		});
		const request = await expectMinerRequest(emu, 'POST', '/api/v1/orders');
		expect(request.body).toEqual({
			display_id: 'ORD-1',
			priority: 'high',
			mode: 'somatic',
			indication: 'Suspected BRCA1 variant',
			ordering_provider: 'Dr. Smith',
			due_date: '2026-03-01',
			tags: ['wes'],
		});
	});

	test('a legacy priority given by expression is sent as the current value', async () => {
		await run(emu, create({ additionalFields: { priority: '={{ "stat" }}' } }));
		const [request] = await emu.requests({ service: 'miner', method: 'POST' });
		expect(request.body.priority).toBe('high');
	});

	test('duplicate display ID (409), a viewer (403), Continue On Fail', async () => {
		await createOrder(emu, 'ORD-1');
		const duplicate = await run(emu, create());
		expect(duplicate.error?.message).toMatch(/Conflict: Order with display_id ORD-1 already exists/);
		const viewer = await run(emu, create({ displayId: 'ORD-2' }), {
			credentials: { accessToken: 'flow-viewer-token' },
		});
		expect(viewer.error?.message).toMatch(/Permission denied: Viewer role cannot modify project data/);
		const continued = await run(emu, create({ displayId: '={{ $json.id }}' }), {
			items: [{ id: 'ORD-1' }, { id: 'ORD-3' }],
			continueOnFail: true,
		});
		expect(continued.output.map((item) => item.json.httpCode ?? item.json.display_id)).toEqual(['409', 'ORD-3']);
	});

	test.each([
		[{ additionalFields: { priority: '={{ "asap" }}' } }, /'Priority' must be one of low, medium, high/],
		[{ additionalFields: { mode: '={{ "germline" }}' } }, /'Mode' must be one of hereditary, somatic/],
		[{ additionalFields: { receivedDate: '={{ "2026-13-01" }}' } }, /'Received Date' must be a date/],
		[{ displayId: '={{ "" }}' }, /'Display ID' is required/],
	])('bad input %j fails naming the field, with no request', async (extra, message) => {
		const result = await run(emu, create(extra));
		expect(result.error?.message).toMatch(message);
		expect(await emu.requests()).toHaveLength(0);
	});
});

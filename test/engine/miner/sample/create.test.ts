import { byId, createSubject, expectMinerRequest, run, UNKNOWN_ID, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const create = (subjectId: string, extra: Record<string, unknown> = {}) => ({
	resource: 'sample',
	operation: 'create',
	subjectId: byId(subjectId),
	displayId: 'SAM-1',
	...extra,
});

describe('Miner › Sample › Create', () => {
	test('sends the subject, display ID and typed optional fields', async () => {
		const subject = await createSubject(emu, 'SUB-1');
		await emu.clearRequests();
		const result = await run(
			emu,
			create(String(subject.id), {
				additionalFields: {
					sampleType: 'ffpe',
					collectionDate: '2026-01-15T10:30:00',
					barcode: 'BC-1',
					properties: { specimen_type: 'FFPE' },
				},
			}),
		);
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ display_id: 'SAM-1', subject_id: subject.id, status: 'registered' });
		const request = await expectMinerRequest(emu, 'POST', '/api/v1/samples');
		expect(request.body).toEqual({
			subject_id: subject.id,
			display_id: 'SAM-1',
			sample_type: 'ffpe',
			collection_date: '2026-01-15',
			barcode: 'BC-1',
			properties: { specimen_type: 'FFPE' },
		});
	});

	test('an unknown subject is a readable 404; Continue On Fail keeps the good rows', async () => {
		const subject = await createSubject(emu, 'SUB-1');
		const failed = await run(emu, create(UNKNOWN_ID));
		expect(failed.error?.message).toMatch(/Not found: Subject not found/);
		const result = await run(emu, create('={{ $json.subject }}', { displayId: '={{ $json.id }}' }), {
			items: [
				{ subject: subject.id, id: 'SAM-A' },
				{ subject: UNKNOWN_ID, id: 'SAM-B' },
				{ subject: 'not-a-uuid', id: 'SAM-C' },
				{ subject: subject.id, id: 'SAM-D' },
			],
			continueOnFail: true,
		});
		expect(result.output.map((item) => item.json.display_id ?? item.json.error)).toEqual([
			'SAM-A',
			'Not found: Subject not found',
			`'Subject' must be an iFlow ID (a UUID), got "not-a-uuid"`,
			'SAM-D',
		]);
	});

	test.each([
		[{ displayId: '={{ "" }}' }, /'Display ID' is required/],
		[
			{ additionalFields: { sampleType: 'blood' } },
			/'Sample Type' must be one of germline, somatic, ffpe, liquid_biopsy, unknown/,
		],
		[{ additionalFields: { collectionDate: 'yesterday' } }, /'Collection Date' must be a date/],
		[{ additionalFields: { properties: '"text"' } }, /'Properties \(JSON\)' must be a JSON object/],
	])('bad input %j fails naming the field, with no request', async (extra, message) => {
		const result = await run(emu, create(UNKNOWN_ID, extra));
		expect(result.error?.message).toMatch(message);
		expect(await emu.requests()).toHaveLength(0);
	});
});

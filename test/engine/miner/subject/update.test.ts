import { byId, createSubject, expectMinerRequest, run, UNKNOWN_ID, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const updateWith = operationWithId('subject', 'update', 'subjectId');
const update = (id: unknown, updateFields: Record<string, unknown>) => updateWith(id, { updateFields });

describe('Miner › Subject › Update', () => {
	test('PATCHes only the given fields; properties are merged by the API', async () => {
		const subject = await createSubject(emu, 'SUB-1', { properties: { first_name: 'Jane' } });
		const result = await run(emu, {
			...update(byId(String(subject.id)), { diagnosis: 'Lynch', properties: { surname: 'Doe' } }),
			simplify: false,
		});
		expect(result.status).toBe('success');
		expect(result.output[0].json.properties).toEqual({ first_name: 'Jane', surname: 'Doe' });
		const request = await expectMinerRequest(emu, 'PATCH', `/api/v1/subjects/${String(subject.id)}`);
		expect(request.body).toEqual({ diagnosis: 'Lynch', properties: { surname: 'Doe' } });
	});

	test.each([
		[{}, /'Update Fields' is empty/],
		[{ sex: 'M' }, /'Sex' must be one of/],
		[{ properties: 'nope' }, /'Properties \(JSON\)' is not valid JSON/],
	])('bad input %j fails naming the field, with no request', async (fields, message) => {
		const result = await run(emu, update(byId(UNKNOWN_ID), fields));
		expect(result.error?.message).toMatch(message);
		expect(await emu.requests()).toHaveLength(0);
	});
});

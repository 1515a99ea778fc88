import { byId, createSubject, expectMinerRequest, run, useEmulatorHandle } from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const get = operationWithId('subject', 'get', 'subjectId');

describe('Miner › Subject › Get', () => {
	test('gets one subject; Simplify keeps the main fields', async () => {
		const subject = await createSubject(emu, 'SUB-1', { sex: 'male', clinical_notes: 'long text' });
		const result = await run(emu, get(byId(String(subject.id))));
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ id: subject.id, display_id: 'SUB-1', sex: 'male' });
		expect(result.output[0].json.clinical_notes).toBeUndefined();
		await expectMinerRequest(emu, 'GET', `/api/v1/subjects/${String(subject.id)}`);

		const raw = await run(emu, get(byId(String(subject.id)), { simplify: false }));
		expect(raw.output[0].json.clinical_notes).toBe('long text');
	});

	test.each([
		['={{ "" }}', /'Subject' is empty/],
		['={{ "SUB-1" }}', /'Subject' must be an iFlow ID \(a UUID\), got "SUB-1"/],
	])('bad id %j fails naming the field, with no request', async (value, message) => {
		const result = await run(emu, get(byId(value)));
		expect(result.error?.message).toMatch(message);
		expect(await emu.requests()).toHaveLength(0);
	});
});

import {
	byId,
	createOrder,
	createSample,
	createSubject,
	expectMinerRequest,
	run,
	subjectWithSample,
	UNKNOWN_ID,
	useEmulatorHandle,
} from '../fixtures';
import { operationWithId } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const del = operationWithId('subject', 'delete', 'subjectId');

describe('Miner › Subject › Delete', () => {
	test('deletes the subject and its samples', async () => {
		const subject = await createSubject(emu, 'SUB-1');
		await createSample(emu, String(subject.id), 'SAM-1');
		const result = await run(emu, del(byId(String(subject.id))));
		expect(result.output[0].json).toEqual({ deleted: true, id: subject.id });
		await expectMinerRequest(emu, 'DELETE', `/api/v1/subjects/${String(subject.id)}`);
		expect(await emu.api<unknown[]>('miner', 'GET', '/samples')).toHaveLength(0);
	});

	test('refused while a sample is on a live order (409); Continue On Fail', async () => {
		const { subject, sample } = await subjectWithSample(emu);
		await createOrder(emu, 'ORD-1', { samples: [{ sample_id: sample.id }] });
		const failed = await run(emu, del(byId(String(subject.id))));
		expect(failed.error?.message).toMatch(/Conflict: .*linked to order ORD-1/);
		const continued = await run(emu, del(byId('={{ $json.id }}')), {
			items: [{ id: subject.id }, { id: UNKNOWN_ID }],
			continueOnFail: true,
		});
		expect(continued.output.map((item) => item.json.httpCode)).toEqual(['409', '404']);
	});
});

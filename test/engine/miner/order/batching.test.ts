import { createSubject, run, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();

describe('Miner › Batching', () => {
	test('items in parallel: every item sent once, output in input order, errors in place', async () => {
		const subject = await createSubject(emu, 'SUB-1');
		await emu.clearRequests();
		const items = Array.from({ length: 40 }, (_, i) => ({ id: `SAM-${i}`, subject: i === 13 ? 'bad' : subject.id }));
		const result = await run(
			emu,
			{
				resource: 'sample',
				operation: 'create',
				subjectId: { __rl: true, mode: 'id', value: '={{ $json.subject }}' },
				displayId: '={{ $json.id }}',
				batching: { concurrency: 8 },
			},
			{ items, continueOnFail: true },
		);
		expect(result.output.map((item) => item.json.display_id ?? 'error')).toEqual(
			items.map((item, i) => (i === 13 ? 'error' : item.id)),
		);
		expect(result.output.map((item) => (item.pairedItem as { item: number }).item)).toEqual(items.map((_, i) => i));
		expect(await emu.requests({ service: 'miner', method: 'POST' })).toHaveLength(39);
	});
});

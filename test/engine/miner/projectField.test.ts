import { PROJECT_B } from '../../helpers/emulator';
import { createSubject, run, useEmulatorHandle } from './fixtures';

const emu = useEmulatorHandle();

describe('Miner › the Project field', () => {
	test('an expression that gives no project is the item error, not a fall-back to the default project', async () => {
		await createSubject(emu, 'SUB-1');
		await emu.clearRequests();
		const project = { __rl: true, mode: 'id', value: '={{ $json.lab.project.toUpperCase() }}' };
		const result = await run(
			emu,
			{ resource: 'subject', operation: 'getMany', returnAll: true, project },
			{
				items: [{ lab: {} }],
			},
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Project field's expression gave no project/);
		expect(await emu.requests({ service: 'miner' })).toHaveLength(0);

		const tolerant = await run(
			emu,
			{ resource: 'subject', operation: 'getMany', returnAll: true, project },
			{
				items: [{ lab: {} }],
				continueOnFail: true,
			},
		);
		expect(tolerant.output).toHaveLength(1);
		expect(tolerant.output[0].json.error).toMatch(/gave no project/);
		expect(await emu.requests({ service: 'miner' })).toHaveLength(0);
	});

	test('an expression that gives a project id uses it', async () => {
		const project = { __rl: true, mode: 'id', value: '={{ $json.project }}' };
		const result = await run(
			emu,
			{ resource: 'subject', operation: 'getMany', returnAll: true, project },
			{
				items: [{ project: PROJECT_B }],
			},
		);
		expect(result.status).toBe('success');
		const [request] = await emu.requests({ service: 'miner' });
		expect(request.headers['x-project-id']).toBe(PROJECT_B);
	});
});

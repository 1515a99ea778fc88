import { bySlug, node, run, useEmulator } from '../fixtures';
import { operationParams } from '../../../helpers/suite';

const emulator = useEmulator();
const submit = operationParams('run', 'submit', {
	pipeline: bySlug('hereditary-mock'),
});
const property = (name: string) => node.description.properties.find((p) => p.name === name);

describe('Compute › Run › Submit › Callback "Resume This Execution"', () => {
	test('a notice under Callback explains the Wait-node recipe, shown only for Resume This Execution', () => {
		const notice = property('resumeNotice');
		expect(notice?.type).toBe('notice');
		expect(notice?.displayName).toMatch(/Wait node right after this node, set to Resume: On Webhook Call/);
		expect(notice?.displayOptions?.show).toEqual({ resource: ['run'], operation: ['submit'], callback: ['resume'] });
		const names = node.description.properties.map((p) => p.name);
		expect(names.indexOf('resumeNotice')).toBe(names.indexOf('callback') + 1);
	});

	test('a warning shows when Wait for Completion is on too', () => {
		expect(property('resumeAndWaitNotice')?.displayOptions?.show).toMatchObject({
			callback: ['resume'],
			waitForCompletion: [true],
		});
	});

	test('with Wait for Completion on too: refused naming both fields, with no request', async () => {
		const emu = emulator();
		const result = await run(emu, submit({ callback: 'resume', waitForCompletion: true }));
		expect(result.error?.message).toBe(
			"'Callback' is Resume This Execution and 'Wait for Completion' is on: use one of them",
		);
		expect(result.error?.description).toMatch(/turn Wait for Completion off/);
		expect(await emu.requests()).toHaveLength(0);
	});

	test('Continue On Fail: every item becomes an error item, with no request', async () => {
		const emu = emulator();
		const result = await run(emu, submit({ callback: 'resume', waitForCompletion: true }), {
			items: [{ n: 1 }, { n: 2 }],
			continueOnFail: true,
		});
		expect(result.output.map((item) => item.json.error)).toEqual([
			"'Callback' is Resume This Execution and 'Wait for Completion' is on: use one of them",
			"'Callback' is Resume This Execution and 'Wait for Completion' is on: use one of them",
		]);
		expect(await emu.requests()).toHaveLength(0);
	});
});

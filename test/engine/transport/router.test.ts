import { runNode } from '../../helpers/engine';
import { useEmulatorHandle } from '../../helpers/suite';
import { TransportProbe } from './TransportProbe.node';

const emu = useEmulatorHandle();

const items = [{ path: '/projects' }, { path: '/projects/00000000-0000-4000-8000-000000000000' }, { path: '/orgs' }];
const run = (continueOnFail: boolean) =>
	runNode({
		node: new TransportProbe(),
		parameters: { resource: 'probe', operation: 'call', service: 'admin', method: 'GET', path: '={{ $json.path }}' },
		items,
		continueOnFail,
		credentials: emu.credentials(),
	});

describe('router', () => {
	test('Continue On Fail: the bad item becomes an error item, the others go through, all paired', async () => {
		const result = await run(true);
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(3);
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.output[1].json.error).toMatch(/^Not found/);
		expect(result.output[1].json.httpCode).toBe('404');
		expect(result.output[2].json.statusCode).toBe(200);
	});

	test('without it the first failure stops the node and names the item', async () => {
		const result = await run(false);
		expect(result.status).toBe('error');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect((await emu.requests({ service: 'admin' })).map((r) => r.path)).toHaveLength(2);
	});
});

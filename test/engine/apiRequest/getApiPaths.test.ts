import { getApiPaths, serviceOfNodeType } from '../../../nodes/shared/methods';
import { loadOptionsContext } from '../../helpers/engine';
import { useEmulatorHandle } from '../../helpers/suite';
import { byProfile } from '../profile';
import { apiRequest, SERVICE_NODES } from './nodes';

const emu = useEmulatorHandle();

/**
 * One operation each service's /openapi.json documents. The report, vcf and audit APIs are not
 * in the reference: a server with only the reference lists none of them.
 */
const EXPECTED: Record<string, string | undefined> = {
	admin: 'GET /projects/{project_id}/credentials',
	compute: 'DELETE /runs/{run_id}',
	files: 'POST /files/upload-url',
	miner: 'POST /orders/{order_id}/transition',
	report: byProfile({ full: 'POST /reports/{report_id}/approve-and-sign', documented: undefined }),
	vcf: byProfile({ full: 'GET /orders/{order_id}/variants', documented: undefined }),
	audit: byProfile({ full: 'GET /events', documented: undefined }),
};

describe("API Request's Path list, read from the service's live /openapi.json", () => {
	test.each(SERVICE_NODES)('%s', async (service, node) => {
		const context = loadOptionsContext({
			node,
			parameters: apiRequest({ mode: 'list', value: '' }),
			credentials: emu.credentials(),
		});
		const { results } = await getApiPaths.call(context);
		const values = results.map((entry) => entry.value);
		const expected = EXPECTED[service];
		expect(values).toEqual(expected ? expect.arrayContaining([expected]) : []);
		// Only endpoints under /api/v1: no docs pages or HTML routes.
		expect(
			values.every((value) => /^(GET|POST|PUT|PATCH|DELETE) \/(?!api\/v1|openapi|docs|redoc)/.test(String(value))),
		).toBe(true);
		const named = results.filter((e) => e.value === expected).map((e) => e.name);
		expect(named).toEqual(
			expected ? [expect.stringMatching(new RegExp(`^${expected.replace(/[{}]/g, '\\$&')} — \\S`))] : [],
		);

		const log = await emu.requests({ service, path: '/openapi.json' });
		expect(await emu.requests({ service })).toHaveLength(0);
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({ method: 'GET', path: '/openapi.json', status: 200 });
		await emu.clearRequests();
	});

	test.each(SERVICE_NODES)('%s registers getApiPaths for the Path list', (service, node) => {
		expect(serviceOfNodeType(`n8n-nodes-iflow.${node.description.name}`)).toBe(service);
		expect(node.methods?.listSearch?.getApiPaths).toBe(getApiPaths);
	});

	test('the search filter narrows the list', async () => {
		const [, miner] = SERVICE_NODES.find(([service]) => service === 'miner')!;
		const context = loadOptionsContext({
			node: miner,
			parameters: apiRequest({ mode: 'list', value: '' }),
			credentials: emu.credentials(),
		});
		const { results } = await getApiPaths.call(context, 'samplesheet');
		expect(results.map((entry) => entry.value)).toEqual(['GET /orders/{order_id}/samplesheet']);
	});

	test('an unreachable schema is a readable error', async () => {
		await emu.fault({ service: 'vcf', path: 'openapi', status: 404, body: { detail: 'Not Found' } });
		const [, vcf] = SERVICE_NODES.find(([service]) => service === 'vcf')!;
		const context = loadOptionsContext({
			node: vcf,
			parameters: apiRequest({ mode: 'list', value: '' }),
			credentials: emu.credentials(),
		});
		await expect(getApiPaths.call(context)).rejects.toThrow(/Not found/);
	});
});

import type { IDataObject, INodeType } from 'n8n-workflow';

import { IFlowMiner } from '../../../nodes/IFlowMiner/IFlowMiner.node';
import { allText, runNode } from '../../helpers/engine';
import { PROJECT_A, PROJECT_B, TOKENS } from '../../helpers/emulator';
import { useEmulatorHandle } from '../../helpers/suite';
import { byProfile, fullOnly, SUITE_PROFILE, useProfile } from '../profile';
import { apiRequest, SERVICE_NODES } from './nodes';

const emu = useEmulatorHandle();

/** A GET every service answers, and what the node must have sent. */
const PROBES: Record<string, { path: string; check: (output: IDataObject[]) => void }> = {
	admin: { path: '/orgs', check: (out) => expect(out[0].name).toBe('Baltic Genomics Lab') },
	compute: { path: '/pipelines', check: (out) => expect(out.map((p) => p.slug)).toContain('hereditary-mock') },
	files: { path: '/files', check: (out) => expect(Array.isArray(out)).toBe(true) },
	miner: { path: '/labflows', check: (out) => expect(out.length).toBeGreaterThan(0) },
	report: { path: '/reports', check: (out) => expect(out).toEqual([]) },
	vcf: { path: '/orders/{order_id}/cache', check: (out) => expect(out[0].status).toBe('not_built') },
	audit: { path: '/events', check: (out) => expect(Array.isArray(out)).toBe(true) },
};
/** The report, vcf and audit APIs are not in the reference: a documented server has no GET to probe. */
const BEYOND = ['report', 'vcf', 'audit'];
const documentedServices = SERVICE_NODES.filter(([service]) => !BEYOND.includes(service));
const beyondServices = SERVICE_NODES.filter(([service]) => BEYOND.includes(service));
const beyond = fullOnly('the report, vcf and audit APIs, not in the reference');

async function probeService(service: string, node: INodeType) {
	const order = await emu.api('miner', 'POST', '/orders', { body: { display_id: 'ORD-1' } });
	await emu.clearRequests();
	const probe = PROBES[service];
	const path = probe.path.replace('{order_id}', String(order.id));
	const result = await runNode({
		node,
		parameters: apiRequest(
			{ mode: 'list', value: `GET ${probe.path}` },
			service === 'vcf' ? { pathParameters: { parameter: [{ name: 'order_id', value: String(order.id) }] } } : {},
		),
		credentials: emu.credentials(),
	});
	return { result, probe, path, log: await emu.requests({ service }) };
}

describe('API Request on every service node', () => {
	const probeTest = async (service: string, node: INodeType) => {
		const { result, probe, path, log } = await probeService(service, node);
		expect(result.status).toBe('success');
		probe.check(result.output.map((item) => item.json));
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({ method: 'GET', path: `/api/v1${path}`, status: 200 });
		expect(log[0].headers.authorization).toBe('Bearer <admin>');
		// Admin never takes a project; Files takes it in the query too.
		expect(log[0].headers['x-project-id']).toBe(service === 'admin' ? undefined : PROJECT_A);
		if (service === 'files') expect(log[0].query.project_id).toBe(PROJECT_A);
	};
	test.each(documentedServices)('%s: GET through the shared transport', probeTest);
	beyond.describe('services beyond the reference', () => {
		test.each(beyondServices)('%s: GET through the shared transport', probeTest);
	});

	test.each(beyondServices)(
		'%s on a server with only the reference: the missing-endpoint error',
		async (service, node) => {
			await useProfile(emu, 'documented');
			try {
				const { result, path } = await probeService(service, node);
				expect(result.error?.message).toBe(`This iFlow server does not offer GET ${path} (${service} service)`);
				expect(result.error?.description).toMatch(/This is not a wrong ID/);
			} finally {
				await useProfile(emu, SUITE_PROFILE);
			}
		},
	);

	test('POST with query parameters and a JSON body; the node Project wins over the credential', async () => {
		const result = await runNode({
			node: new IFlowMiner(),
			parameters: apiRequest(
				{ mode: 'path', value: '/api/v1/subjects' },
				{
					method: 'POST',
					body: '{"display_id":"SUB-9","sex":"female"}',
					query: { parameter: [{ name: 'dry', value: 'no' }] },
					project: { mode: 'id', value: PROJECT_B },
				},
			),
			credentials: emu.credentials(),
		});
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ display_id: 'SUB-9' });
		// An x-inferred field: only a server that has it sends it.
		expect(result.output[0].json.project_id).toBe(byProfile({ full: PROJECT_B, documented: undefined }));
		const [request] = await emu.requests({ service: 'miner', method: 'POST' });
		expect(request).toMatchObject({
			path: '/api/v1/subjects',
			query: { dry: 'no' },
			body: { display_id: 'SUB-9', sex: 'female' },
			status: 201,
		});
		expect(request.headers['x-project-id']).toBe(PROJECT_B);
	});

	test('a 204 or a text answer becomes one item with the status code', async () => {
		const order = await emu.api('miner', 'POST', '/orders', { body: { display_id: 'ORD-2' } });
		const result = await runNode({
			node: new IFlowMiner(),
			parameters: apiRequest({ mode: 'path', value: `/orders/${String(order.id)}` }, { method: 'DELETE' }),
			credentials: emu.credentials(),
		});
		expect(result.output.map((item) => item.json)).toEqual([{ statusCode: 204, body: null }]);
	});

	test('API errors are readable and keep the token secret; Continue On Fail', async () => {
		const node = new IFlowMiner();
		const parameters = apiRequest({ mode: 'path', value: '/orders/d1f0a2b3-4c5d-4e6f-8a9b-0c1d2e3f4a5b' });
		const failed = await runNode({ node, parameters, credentials: emu.credentials() });
		expect(failed.error?.message).toBe('Not found: Order not found');
		expect(allText(failed.run)).not.toContain(TOKENS.admin);
		const kept = await runNode({ node, parameters, credentials: emu.credentials(), continueOnFail: true });
		expect(kept.output[0].json).toMatchObject({ httpCode: '404' });
	});
});

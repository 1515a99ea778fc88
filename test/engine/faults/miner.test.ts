// Miner creates through lost answers: each fault kind before and after the server stored the
// record. The item succeeds, the record exists exactly once, and a record found after a lost
// answer is flagged `recovered`. All documented routes: the same in both emulator profiles.
import type { IDataObject } from 'n8n-workflow';

import { createOrder, createSample, createSubject, node } from '../miner/fixtures';
import type { EmulatorHandle } from '../../helpers/emulator';
import { byId, nodeRunner, useEmulator } from '../../helpers/suite';
import { byProfile, openApiDocument, SUITE_PROFILE, useProfile, withoutQueryParameter } from '../profile';
import { expectedSends, FAULT_KINDS, faultKind, injectOnce, stateOf } from './kinds';

const emulator = useEmulator();
const run = nodeRunner(node);

const countOf = async (emu: EmulatorHandle, table: string, where: (row: IDataObject) => boolean) =>
	(await stateOf(emu))[table].filter(where).length;
const SUBJECTS = { service: 'miner', method: 'POST', path: '^/api/v1/subjects$' };
// The role of a link is a guess (nodes/IFlowMiner/actions/order/sampleLinks.ts): a documented
// server links every sample as proband, and the node refuses any other role there.
const ROLE = byProfile({ full: 'mother', documented: 'proband' });

interface CreateCase {
	name: string;
	path: string;
	setup: (emu: EmulatorHandle) => Promise<Record<string, unknown>>;
	count: (emu: EmulatorHandle) => Promise<number>;
}

const CREATES: CreateCase[] = [
	{
		name: 'Subject › Create',
		path: '^/api/v1/subjects$',
		setup: async () => ({
			resource: 'subject',
			operation: 'create',
			displayId: 'SUB-F',
			additionalFields: { sex: 'female' },
		}),
		count: async (emu) => await countOf(emu, 'subjects', (s) => s.display_id === 'SUB-F'),
	},
	{
		name: 'Subject › Create or Update (new subject)',
		path: '^/api/v1/subjects$',
		setup: async () => ({ resource: 'subject', operation: 'upsert', displayId: 'SUB-F' }),
		count: async (emu) => await countOf(emu, 'subjects', (s) => s.display_id === 'SUB-F'),
	},
	{
		name: 'Sample › Create',
		path: '^/api/v1/samples$',
		setup: async (emu) => {
			const subject = await createSubject(emu, 'SUB-1');
			return {
				resource: 'sample',
				operation: 'create',
				subjectId: byId(String(subject.id)),
				displayId: 'SAM-F',
				additionalFields: { sampleType: 'germline', properties: { specimen_type: 'Blood' } },
			};
		},
		count: async (emu) => await countOf(emu, 'samples', (s) => s.display_id === 'SAM-F'),
	},
	{
		name: 'Sample › Create or Update (new sample)',
		path: '^/api/v1/samples$',
		setup: async (emu) => {
			const subject = await createSubject(emu, 'SUB-1');
			return { resource: 'sample', operation: 'upsert', subjectId: byId(String(subject.id)), displayId: 'SAM-F' };
		},
		count: async (emu) => await countOf(emu, 'samples', (s) => s.display_id === 'SAM-F'),
	},
	{
		name: 'Order › Create',
		path: '^/api/v1/orders$',
		setup: async () => ({
			resource: 'order',
			operation: 'create',
			displayId: 'ORD-F',
			additionalFields: { priority: 'high', indication: 'Suspected BRCA1 variant' },
		}),
		count: async (emu) => await countOf(emu, 'orders', (o) => o.display_id === 'ORD-F'),
	},
	{
		name: 'Order › Add Sample',
		path: '^/api/v1/orders/[^/]+/samples',
		setup: async (emu) => {
			const subject = await createSubject(emu, 'SUB-1');
			const sample = await createSample(emu, String(subject.id), 'SAM-1');
			const order = await createOrder(emu, 'ORD-1');
			return {
				resource: 'order',
				operation: 'addSample',
				orderId: byId(String(order.id)),
				sampleId: byId(String(sample.id)),
				role: ROLE,
			};
		},
		count: async (emu) => await countOf(emu, 'order_samples', (l) => l.role === ROLE),
	},
];

describe.each(CREATES)('Miner › $name through lost answers', (create) => {
	test.each(FAULT_KINDS)('$name: the item succeeds and the record exists once', async (kind) => {
		const emu = emulator();
		const parameters = await create.setup(emu);
		await emu.clearRequests();
		await injectOnce(emu, kind, { service: 'miner', method: 'POST', path: create.path });
		const result = await run(emu, parameters);
		expect(result.error).toBeUndefined();
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json.recovered).toBe(kind.committed ? true : undefined);
		expect(await create.count(emu)).toBe(1);
		expect(await emu.requests({ service: 'miner', method: 'POST' })).toHaveLength(expectedSends(kind));
	});
});

describe('Miner creates: what cannot be reconciled fails as before, and says why', () => {
	test('answers lost again and again: sent at most four times, then an error saying nothing was created', async () => {
		const emu = emulator();
		await emu.fault({ ...SUBJECTS, reset: true }); // every attempt
		const result = await run(emu, { resource: 'subject', operation: 'create', displayId: 'SUB-F' });
		expect(result.error?.message).toMatch(/Could not reach iFlow miner \(ECONNRESET\)/);
		expect(result.error?.description).toMatch(
			/After each of the 4 attempts the node looked for subject "SUB-F" in iFlow and did not find it: nothing was created/,
		);
		expect(await emu.requests({ service: 'miner', method: 'POST' })).toHaveLength(4);
		expect(await countOf(emu, 'subjects', (s) => s.display_id === 'SUB-F')).toBe(0);
	});

	test("the look-up fails too: the create's error, telling to check in iFlow; Continue On Fail keeps the other items", async () => {
		const emu = emulator();
		await injectOnce(emu, faultKind('502 after commit'), SUBJECTS);
		await emu.fault({ service: 'miner', method: 'GET', path: '^/api/v1/subjects$', status: 500, count: 1 });
		const result = await run(
			emu,
			{ resource: 'subject', operation: 'create', displayId: '={{ $json.id }}' },
			{ items: [{ id: 'SUB-A' }, { id: 'SUB-B' }], continueOnFail: true },
		);
		expect(result.output[0].json.error).toMatch(/HTTP 502/);
		expect(result.output[0].json.description).toMatch(
			/looked for subject "SUB-A" in iFlow .*could not tell .*Check in iFlow before running it again/,
		);
		expect(result.output[1].json).toMatchObject({ display_id: 'SUB-B' });
		expect(result.output[1].json.recovered).toBeUndefined();
	});

	test('a record found after a lost answer that is not what was sent is not taken as ours', async () => {
		const emu = emulator();
		await createSubject(emu, 'SUB-F', { sex: 'male' });
		await emu.clearRequests();
		await injectOnce(emu, faultKind('connection reset before commit'), SUBJECTS);
		const result = await run(emu, {
			resource: 'subject',
			operation: 'create',
			displayId: 'SUB-F',
			additionalFields: { sex: 'female' },
		});
		expect(result.error?.message).toBe('Subject "SUB-F" exists in iFlow with other values (sex)');
		expect(await emu.requests({ service: 'miner', method: 'POST' })).toHaveLength(1);
	});

	test('a clear refusal (409, 422) is not looked up', async () => {
		const emu = emulator();
		await createSubject(emu, 'SUB-F');
		await emu.clearRequests();
		const result = await run(emu, { resource: 'subject', operation: 'create', displayId: 'SUB-F' });
		expect(result.error?.httpCode).toBe('409');
		expect(await emu.requests({ service: 'miner', method: 'GET' })).toHaveLength(0);
	});

	test('a server that does not offer search: the look-up lists samples and matches the display ID here', async () => {
		const emu = emulator();
		await useProfile(emu, 'documented');
		try {
			// This server's /openapi.json leaves `search` out of GET /samples (the reference infers it there).
			const doc = withoutQueryParameter(await openApiDocument(emu, 'miner'), '/api/v1/samples', 'GET', 'search');
			await emu.fault({ service: 'miner', method: 'GET', path: '^/openapi\\.json$', status: 200, body: doc });
			const subject = await createSubject(emu, 'SUB-1');
			await createSample(emu, String(subject.id), 'SAM-OTHER');
			await emu.clearRequests();
			await injectOnce(emu, faultKind('504 after commit'), {
				service: 'miner',
				method: 'POST',
				path: '^/api/v1/samples$',
			});
			const result = await run(emu, {
				resource: 'sample',
				operation: 'create',
				subjectId: byId(String(subject.id)),
				displayId: 'SAM-F',
			});
			expect(result.output[0].json).toMatchObject({ display_id: 'SAM-F', recovered: true });
			const [lookup] = await emu.requests({ service: 'miner', method: 'GET' });
			expect(lookup.query.search).toBeUndefined();
		} finally {
			await useProfile(emu, SUITE_PROFILE);
		}
	});
});

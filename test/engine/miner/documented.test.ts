import type { IDataObject } from 'n8n-workflow';

import { loadOptionsContext } from '../../helpers/engine';
import { idsInBothProfiles, openApiDocument, useProfile, withoutQueryParameter } from '../profile';
import {
	createOrder,
	createSample,
	createSubject,
	node,
	run,
	seedMany,
	subjectRows,
	useEmulatorHandle,
} from './fixtures';

// Miner list filters the reference marks INFERRED, on a server that has only the reference (the
// emulator's `documented` profile ignores them and answers the unfiltered list): the node gives
// the same answer as where the server filters.

const emu = useEmulatorHandle();
beforeEach(async () => await useProfile(emu, 'full'));

const ids = (output: Array<{ json: IDataObject }>) => output.map((item) => String(item.json.id));
const inBoth = async (parameters: Record<string, unknown>) => await idsInBothProfiles(emu, run, parameters);

describe('Miner list filters on a server with only the published reference', () => {
	test('Sample › Get Many, Subject ID: the documented server ignores it, the node does not', async () => {
		const [a, b] = [await createSubject(emu, 'SUB-A'), await createSubject(emu, 'SUB-B')];
		for (const [subject, name] of [
			[a, 'A1'],
			[b, 'B1'],
			[a, 'A2'],
			[b, 'B2'],
			[b, 'B3'],
		] as const)
			await createSample(emu, String(subject.id), `SAM-${name}`);

		await useProfile(emu, 'documented');
		const ignored = await emu.api<IDataObject[]>('miner', 'GET', '/samples', { query: { subject_id: String(a.id) } });
		expect(ignored).toHaveLength(5);

		const { full, documented } = await inBoth({
			resource: 'sample',
			operation: 'getMany',
			returnAll: true,
			filters: { subjectId: a.id },
		});
		expect(full).toHaveLength(2);
		expect(documented).toEqual(full);
		const [request] = await emu.requests({ service: 'miner' });
		expect(request.query.subject_id).toBeUndefined();
	});

	test('Subject › Get Many, Sex, with a Limit the unfiltered first page cannot fill', async () => {
		await createSubject(emu, 'SUB-F1', { sex: 'female' });
		await createSubject(emu, 'SUB-F2', { sex: 'female' });
		for (let i = 0; i < 4; i++) await createSubject(emu, `SUB-M${i}`, { sex: 'male' });
		const { full, documented } = await inBoth({
			resource: 'subject',
			operation: 'getMany',
			returnAll: false,
			limit: 2,
			filters: { sex: 'female' },
		});
		expect(full).toHaveLength(2);
		expect(documented).toEqual(full);
	});

	test('Order › Get Many, Mode', async () => {
		await createOrder(emu, 'ORD-S1', { mode: 'somatic' });
		await createOrder(emu, 'ORD-H1', { mode: 'hereditary' });
		await createOrder(emu, 'ORD-S2', { mode: 'somatic' });
		const { full, documented } = await inBoth({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: { mode: 'somatic', priority: 'medium' },
		});
		expect(full).toHaveLength(2);
		expect(documented).toEqual(full);
		const [request] = await emu.requests({ service: 'miner' });
		expect(request.query).toMatchObject({ priority: 'medium' });
		expect(request.query.mode).toBeUndefined();
	});

	test('a server without `search` on subjects: Get Many and the picker match in n8n over the whole list', async () => {
		await seedMany(emu, 'subjects', [
			{ ...subjectRows(1, 'OLD')[0], id: '00000001-0000-4000-8000-00000000beef', created_at: '2025-01-01T00:00:00Z' },
		]);
		await seedMany(emu, 'subjects', subjectRows(150));
		await useProfile(emu, 'documented');
		const doc = withoutQueryParameter(await openApiDocument(emu, 'miner'), '/api/v1/subjects', 'GET', 'search');
		await emu.fault({ service: 'miner', path: '^/openapi\\.json$', status: 200, body: doc });
		await emu.clearRequests();

		const result = await run(emu, {
			resource: 'subject',
			operation: 'getMany',
			returnAll: true,
			filters: { search: 'old-0' },
		});
		expect(ids(result.output)).toEqual(['00000001-0000-4000-8000-00000000beef']);
		expect((await emu.requests({ service: 'miner' })).every((r) => r.query.search === undefined)).toBe(true);

		const context = loadOptionsContext({
			node,
			parameters: { resource: 'subject', operation: 'get', subjectId: { mode: 'list', value: '' } },
			credentials: emu.credentials(),
		});
		const found = await node.methods.listSearch.searchSubjects.call(context, 'OLD-0');
		expect(found.results).toEqual([{ name: 'OLD-00001', value: '00000001-0000-4000-8000-00000000beef' }]);
	});

	test('Add Sample: a role the server does not take is an error saying what was linked, never a silent proband', async () => {
		const subject = await createSubject(emu, 'SUB-1');
		const [mother, child] = [
			await createSample(emu, String(subject.id), 'SAM-M'),
			await createSample(emu, String(subject.id), 'SAM-C'),
		];
		const order = await createOrder(emu, 'ORD-1');
		await useProfile(emu, 'documented');
		const add = (sample: IDataObject, role: string) => ({
			resource: 'order',
			operation: 'addSample',
			orderId: { mode: 'id', value: order.id },
			sampleId: { mode: 'id', value: sample.id },
			role,
		});
		const failed = await run(emu, add(mother, 'mother'));
		expect(failed.error?.message).toBe('The sample was put on the order as proband, not as mother');
		expect(failed.error?.description).toMatch(/Remove Sample/);
		const proband = await run(emu, add(child, 'proband'));
		expect(proband.output[0].json).toMatchObject({ id: child.id, role: 'proband', order_id: order.id });
	});

	test('Order › Create with Samples: a role the server does not take fails naming the order and what was linked', async () => {
		const subject = await createSubject(emu, 'SUB-1');
		const [child, mother] = [
			await createSample(emu, String(subject.id), 'SAM-C'),
			await createSample(emu, String(subject.id), 'SAM-M'),
		];
		await useProfile(emu, 'documented');
		const result = await run(emu, {
			resource: 'order',
			operation: 'create',
			displayId: 'ORD-1',
			samples: {
				sample: [
					{ sampleId: { __rl: true, mode: 'id', value: child.id }, role: 'proband' },
					{ sampleId: { __rl: true, mode: 'id', value: mother.id }, role: 'mother' },
				],
			},
		});
		expect(result.error?.message).toMatch(
			new RegExp(
				`^Order ORD-1 was created \\(ID [0-9a-f-]{36}\\), but sample ${String(mother.id)} could not be linked: The sample was put on the order as proband, not as mother$`,
			),
		);
		expect(result.error?.description).toContain('Linked: SAM-C (proband).');
		expect(result.error?.description).toMatch(/Remove Sample/);
	});
});

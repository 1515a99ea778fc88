import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../../helpers/engine';
import type { EmulatorHandle } from '../../../helpers/emulator';
import { fullOnly } from '../../profile';
import { byId, createSample, createSubject, node, run, UNKNOWN_ID, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
// A documented server takes no role on a link: miner/documented.test.ts shows the error then.
const linkRole = fullOnly('the role of a sample link, not in the reference');
const create = (samples: IDataObject[], displayId = 'ORD-1') => ({
	resource: 'order',
	operation: 'create',
	displayId,
	samples: { sample: samples },
});

/** A trio's worth of samples: SAM-1, SAM-2, SAM-3 of one subject. */
async function samples(emu: EmulatorHandle): Promise<string[]> {
	const subject = await createSubject(emu, 'SUB-1');
	const ids: string[] = [];
	for (const name of ['SAM-1', 'SAM-2', 'SAM-3'])
		ids.push(String((await createSample(emu, String(subject.id), name)).id));
	await emu.clearRequests();
	return ids;
}

const posts = async (emu: EmulatorHandle) =>
	(await emu.requests({ service: 'miner', method: 'POST' })).map((r) => [r.path, r.body]);

describe('Miner › Order › Create › Samples', () => {
	linkRole.test('creates the order, then links each sample with its role', async () => {
		const [proband, mother] = await samples(emu);
		const result = await run(
			emu,
			create([
				{ sampleId: byId(proband), role: 'proband' },
				{ sampleId: byId(mother), role: 'mother' },
			]),
		);
		expect(result.status).toBe('success');
		const order = result.output[0].json;
		expect(order).toMatchObject({
			display_id: 'ORD-1',
			status: 'created',
			samples: [
				{ sample_id: proband, display_id: 'SAM-1', role: 'proband' },
				{ sample_id: mother, display_id: 'SAM-2', role: 'mother' },
			],
		});
		expect(await posts(emu)).toEqual([
			['/api/v1/orders', { display_id: 'ORD-1' }],
			[`/api/v1/orders/${String(order.id)}/samples/${proband}`, { role: 'proband' }],
			[`/api/v1/orders/${String(order.id)}/samples/${mother}`, { role: 'mother' }],
		]);
		const onOrder = await emu.api<IDataObject[]>('miner', 'GET', `/orders/${String(order.id)}/samples`);
		expect(onOrder.map((s) => [s.display_id, s.role])).toEqual([
			['SAM-1', 'proband'],
			['SAM-2', 'mother'],
		]);
	});

	test('without samples the output is the order as before', async () => {
		const result = await run(emu, { resource: 'order', operation: 'create', displayId: 'ORD-1' });
		expect(result.output[0].json.samples).toBeUndefined();
		expect(await posts(emu)).toEqual([['/api/v1/orders', { display_id: 'ORD-1' }]]);
	});

	test.each([
		[
			'a sample that is not an ID',
			(ids: string[]) => [{ sampleId: byId(ids[0]) }, { sampleId: byId('={{ "SAM-2" }}'), role: 'mother' }],
			/^'Samples › Sample 2' must be an iFlow ID \(a UUID\), got "SAM-2"$/,
		],
		[
			'an empty sample',
			(ids: string[]) => [{ sampleId: byId(ids[0]) }, { sampleId: byId('={{ "" }}') }],
			/^'Samples › Sample 2' is empty/,
		],
		[
			'an unknown role',
			(ids: string[]) => [{ sampleId: byId(ids[0]), role: '={{ "aunt" }}' }],
			/^'Samples › Sample 1 › Role' must be one of proband, mother, father/,
		],
		[
			'the same sample twice',
			(ids: string[]) => [
				{ sampleId: byId(ids[0]), role: 'proband' },
				{ sampleId: byId(ids[0].toUpperCase()), role: 'mother' },
			],
			/^'Samples' lists sample .* twice$/,
		],
	])('%s is refused before any request (no order created)', async (_case, entries, message) => {
		const ids = await samples(emu);
		const result = await run(emu, create(entries(ids)));
		expect(result.error?.message).toMatch(message);
		expect(await emu.requests()).toHaveLength(0);
	});

	test('a link that fails after the order exists names the order and what was linked', async () => {
		const [proband, , father] = await samples(emu);
		const result = await run(
			emu,
			create([
				{ sampleId: byId(proband), role: 'proband' },
				{ sampleId: byId(UNKNOWN_ID), role: 'mother' },
				{ sampleId: byId(father), role: 'father' },
			]),
		);
		const [order] = await emu.api<IDataObject[]>('miner', 'GET', '/orders');
		expect(result.error?.message).toMatch(
			new RegExp(
				`^Order ORD-1 was created \\(ID ${String(order.id)}\\), but sample ${UNKNOWN_ID} could not be linked: `,
			),
		);
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toContain('Linked: SAM-1 (proband).');
		expect(result.error?.description).toContain(`Not linked: ${UNKNOWN_ID} (mother), ${father} (father).`);
		expect(result.error?.description).toContain('Finish with Order › Add Sample on order ORD-1');
		// The third sample was not tried: nothing after the failure.
		expect((await posts(emu)).map(([path]) => path)).toEqual([
			'/api/v1/orders',
			`/api/v1/orders/${String(order.id)}/samples/${proband}`,
			`/api/v1/orders/${String(order.id)}/samples/${UNKNOWN_ID}`,
		]);
	});

	linkRole.test(
		'Continue On Fail: the error item carries the order and the linked samples; the next item goes on',
		async () => {
			const [proband, mother] = await samples(emu);
			const result = await run(
				emu,
				create(
					[{ sampleId: byId(proband) }, { sampleId: byId('={{ $json.second }}'), role: 'mother' }],
					'={{ $json.order }}',
				),
				{
					items: [
						{ order: 'ORD-1', second: UNKNOWN_ID },
						{ order: 'ORD-2', second: mother },
					],
					continueOnFail: true,
				},
			);
			const [failed, done] = result.output.map((item) => item.json);
			const [, first] = await emu.api<IDataObject[]>('miner', 'GET', '/orders'); // newest first
			expect(failed).toMatchObject({
				order_id: first.id,
				order_display_id: 'ORD-1',
				linked_samples: [{ sample_id: proband, display_id: 'SAM-1', role: 'proband' }],
				not_linked_samples: [{ sample_id: UNKNOWN_ID, role: 'mother' }],
				httpCode: '404',
			});
			expect(failed.error).toMatch(/^Order ORD-1 was created/);
			// The proband is on ORD-1 already; ORD-2 may use it too (roles live on the link).
			expect(done).toMatchObject({ display_id: 'ORD-2', samples: [{ role: 'proband' }, { role: 'mother' }] });
		},
	);

	test('Continue On Fail to the error output: the message still names the order', async () => {
		const [proband] = await samples(emu);
		const result = await runNode({
			node,
			parameters: create([{ sampleId: byId(proband) }, { sampleId: byId(UNKNOWN_ID) }]) as unknown as INodeParameters,
			credentials: emu.credentials(),
			continueOnFail: true,
			onError: 'continueErrorOutput',
		});
		const [errorItem] = result.outputs[1];
		expect(errorItem.json.error).toMatch(/^Order ORD-1 was created \(ID [0-9a-f-]{36}\), but sample/);
		expect(errorItem.json.message).toMatch(/Linked: SAM-1 \(proband\)\./);
	});
});

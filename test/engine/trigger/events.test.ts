/** Each event of the iFlow Trigger against the emulator: what starts a workflow, and what the item holds. */
import type { IDataObject } from 'n8n-workflow';

import { PROJECT_A, TOKENS, startEmulator } from '../../helpers/emulator';
import type { EmulatorHandle } from '../../helpers/emulator';
import { allText } from '../../helpers/engine';
import { createOrder, createSample, finishedRun, ids, names, transition, trigger, writeFiles } from './harness';

const NEXTFLOW_MINIMAL = '7a1d3e5f-2b4c-4d6e-8f01-a2b3c4d5e6f7';

let emu: EmulatorHandle;
beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => await emu.stop());
beforeEach(async () => {
	await emu.reset();
	// Runs end only when a test says so (the default fast clock would finish them on its own).
	await emu.clock('manual');
	await emu.clearRequests();
	await emu.clearFaults();
});

/** An activated trigger that has already recorded its cursor (first poll). */
async function activated(parameters: IDataObject) {
	const t = trigger(emu, { parameters });
	expect(await t.poll()).toBeNull();
	await emu.clearRequests();
	return t;
}

describe('Order Created', () => {
	test('emits the order record with the event, read from the miner', async () => {
		const t = await activated({ event: 'orderCreated' });
		const order = await createOrder(emu, 'ORD-1');
		const [item] = (await t.poll()) ?? [];
		expect(item.json).toMatchObject({ id: order.id, display_id: 'ORD-1', status: 'created' });
		expect(item.json.event).toMatchObject({
			type: 'orderCreated',
			time: expect.any(String),
			from: null,
			to: null,
			actor: 'anna.admin@baltic-genomics.example',
		});
		const reads = await emu.requests({ service: 'miner', method: 'GET' });
		expect(reads.map((r) => r.path)).toEqual([`/api/v1/orders/${String(order.id)}`]);
		expect(reads[0].headers['x-project-id']).toBe(PROJECT_A);
	});
});

describe('Order Status Changed', () => {
	test('every transition between two polls is its own event, with from and to', async () => {
		const order = await createOrder(emu, 'ORD-2');
		const t = await activated({ event: 'orderStatusChanged' });
		await transition(emu, order.id, 'analyzing');
		await transition(emu, order.id, 'review');
		const items = (await t.poll()) ?? [];
		expect(items.map((i) => [i.json.id, (i.json.event as IDataObject).from, (i.json.event as IDataObject).to])).toEqual(
			[
				[order.id, 'created', 'analyzing'],
				[order.id, 'analyzing', 'review'],
			],
		);
		// The record is read when the poll runs: its status is the current one.
		expect(items[0].json.status).toBe('review');
	});

	test('To Status keeps only changes into the chosen statuses', async () => {
		const order = await createOrder(emu, 'ORD-3');
		const t = await activated({ event: 'orderStatusChanged', toStatuses: ['review', 'cancelled'] });
		await transition(emu, order.id, 'analyzing');
		await transition(emu, order.id, 'review');
		const items = (await t.poll()) ?? [];
		expect(items.map((i) => (i.json.event as IDataObject).to)).toEqual(['review']);
		expect(await t.poll()).toBeNull();
	});
});

describe('Sample Created', () => {
	test('emits new samples only (not subjects or orders)', async () => {
		const t = await activated({ event: 'sampleCreated' });
		const sample = await createSample(emu, 'SMP-1');
		await createOrder(emu, 'ORD-4');
		const items = (await t.poll()) ?? [];
		expect(ids(items)).toEqual([sample.id]);
		expect(items[0].json).toMatchObject({ display_id: 'SMP-1', event: { type: 'sampleCreated' } });
	});
});

describe('Run Finished', () => {
	test('Any emits succeeded, failed and cancelled runs with their outcome', async () => {
		const t = await activated({ event: 'runFinished' });
		const ok = await finishedRun(emu, 'succeeded');
		const bad = await finishedRun(emu, 'failed');
		const stopped = await finishedRun(emu, 'cancelled');
		const items = (await t.poll()) ?? [];
		expect(items.map((i) => [i.json.id, i.json.status, (i.json.event as IDataObject).to])).toEqual([
			[ok.id, 'succeeded', 'succeeded'],
			[bad.id, 'failed', 'failed'],
			[stopped.id, 'cancelled', 'cancelled'],
		]);
		const reads = await emu.requests({ service: 'compute', method: 'GET' });
		expect(reads.map((r) => r.path)).toEqual([ok.id, bad.id, stopped.id].map((id) => `/api/v1/runs/${String(id)}`));
	});

	test('Outcome and Pipeline narrow it down', async () => {
		const t = await activated({
			event: 'runFinished',
			outcome: 'failed',
			pipeline: { __rl: true, mode: 'list', value: 'nextflow-minimal' },
		});
		await finishedRun(emu, 'failed'); // other pipeline
		await finishedRun(emu, 'succeeded', NEXTFLOW_MINIMAL); // other outcome
		const wanted = await finishedRun(emu, 'failed', NEXTFLOW_MINIMAL);
		const items = (await t.poll()) ?? [];
		expect(ids(items)).toEqual([wanted.id]);
		expect(await t.poll()).toBeNull();
	});

	test('a run that is only started is not finished', async () => {
		const t = await activated({ event: 'runFinished' });
		await emu.api('compute', 'POST', '/runs', { body: { pipeline_id: NEXTFLOW_MINIMAL, params: {} } });
		expect(await t.poll()).toBeNull();
	});
});

describe('File Added', () => {
	test('emits objects under the prefix with their listing fields', async () => {
		const t = await activated({ event: 'fileAdded', pathPrefix: 'gs://bgl-hereditary-2026/analyses/run-' });
		await writeFiles(emu, [
			'analyses/run-1/out.vcf.gz',
			'analyses/other/x.txt',
			'inbox/y.txt',
			'analyses/run-2/a/b.txt',
		]);
		const items = (await t.poll()) ?? [];
		expect(names(items).sort()).toEqual(['analyses/run-1/out.vcf.gz', 'analyses/run-2/a/b.txt']);
		expect(items[0].json).toMatchObject({
			size: expect.any(Number),
			last_modified: expect.any(String),
			bucket_name: 'bgl-hereditary-2026',
			event: { type: 'fileAdded' },
		});
		const listing = await emu.requests({ service: 'files' });
		expect(listing[0].query).toMatchObject({ path: 'analyses/', recursive: 'true', limit: '1000', offset: '0' });
		expect(await t.poll()).toBeNull();
	});

	test('outputs written by a succeeded run are files too', async () => {
		const t = await activated({ event: 'fileAdded', pathPrefix: 'analyses/' });
		const run = await finishedRun(emu, 'succeeded');
		const items = (await t.poll()) ?? [];
		expect(items.length).toBeGreaterThan(0);
		expect(names(items).every((n) => n.startsWith(`analyses/run-${String(run.id).slice(0, 8)}/`))).toBe(true);
	});

	test("a URI of another bucket is refused, naming 'Path Prefix'", async () => {
		const t = trigger(emu, { parameters: { event: 'fileAdded', pathPrefix: 'gs://someone-else/x/' } });
		await expect(t.poll()).rejects.toThrow(/Path Prefix.*someone-else/);
	});

	test("'..' in the prefix is refused before any request", async () => {
		const t = trigger(emu, { parameters: { event: 'fileAdded', pathPrefix: 'analyses/../secrets/' } });
		await expect(t.poll()).rejects.toThrow(/Path Prefix/);
		expect(await emu.requests()).toHaveLength(0);
	});
});

describe('Report Signed', () => {
	test('emits the signed report', async () => {
		const order = await createOrder(emu, 'ORD-5');
		for (const status of ['analyzing', 'review', 'sign_off']) await transition(emu, order.id, status);
		const t = await activated({ event: 'reportSigned' });
		const [report] = await emu.api<IDataObject[]>('report', 'GET', '/reports', {
			query: { order_id: String(order.id) },
		});
		await emu.api('report', 'POST', `/reports/${String(report.id)}/approve-and-sign`, { body: {} });
		const items = (await t.poll()) ?? [];
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: report.id, status: 'signed', order_id: order.id });
		expect(items[0].json.event).toMatchObject({ type: 'reportSigned', to: 'signed' });
	});
});

describe('errors', () => {
	test('no project anywhere: an error naming the Project field, no request sent', async () => {
		const t = trigger(emu, {
			parameters: { event: 'orderCreated', project: { __rl: true, mode: 'list', value: '' } },
			credentials: { projectId: '' },
		});
		await expect(t.poll()).rejects.toThrow(/'Project' field/);
		expect(await emu.requests()).toHaveLength(0);
	});

	test('an API error is thrown (not swallowed) without the token in it', async () => {
		const t = trigger(emu, { parameters: { event: 'orderCreated' }, credentials: { accessToken: TOKENS.expired } });
		const error = await t.poll().then(
			() => undefined,
			(e: unknown) => e,
		);
		expect(error).toMatchObject({ httpCode: '401' });
		expect(allText(error)).not.toContain(TOKENS.expired);
		expect(t.saved()).not.toHaveProperty(['node:iFlow Trigger', 'cursor']);
	});
});

/**
 * Each event of the iFlow Trigger, on a server with only the documented API and on the full
 * emulator: what starts a workflow, what the item holds, and which requests it costs.
 */
import type { IDataObject } from 'n8n-workflow';

import { PROJECT_A, TOKENS } from '../../helpers/emulator';
import { allText } from '../../helpers/engine';
import { PROFILES, type Profile } from '../profile';
import {
	createOrder,
	createSample,
	finishedRun,
	ids,
	inParallel,
	names,
	ordersAtSignOff,
	signReports,
	transition,
	trigger,
	writeFiles,
	useTriggerEmulator,
} from './harness';

const NEXTFLOW_MINIMAL = '7a1d3e5f-2b4c-4d6e-8f01-a2b3c4d5e6f7';
const event = (item: { json: IDataObject }) => item.json.event as IDataObject;

describe.each(PROFILES)('%s profile', (profile: Profile) => {
	const emu = useTriggerEmulator(profile);

	/** An activated trigger that has already recorded where the project stands (first poll). */
	async function activated(parameters: IDataObject) {
		const t = trigger(emu, { parameters });
		expect(await t.poll()).toBeNull();
		await emu.clearRequests();
		return t;
	}

	describe('Order Created', () => {
		test('emits the order as listed, with the event; one list request per poll', async () => {
			const t = await activated({ event: 'orderCreated' });
			await emu.advance(1000);
			const order = await createOrder(emu, 'ORD-1');
			const [item] = (await t.poll()) ?? [];
			expect(item.json).toMatchObject({ id: order.id, display_id: 'ORD-1', status: 'created' });
			expect(event(item)).toMatchObject({
				type: 'orderCreated',
				time: order.created_at,
				from: null,
				to: null,
				actor: 'anna.admin@baltic-genomics.example', // the order's created_by
			});
			const reads = await emu.requests({ service: 'miner', method: 'GET' });
			expect(reads.map((r) => [r.method, r.path, r.query.limit])).toEqual([['GET', '/api/v1/orders', '100']]);
			expect(reads[0].headers['x-project-id']).toBe(PROJECT_A);
			expect(await emu.requests({ service: 'audit' })).toEqual([]);
		});
	});

	describe('Order Status Changed', () => {
		test('a transition is emitted with from and to and the order as it is now', async () => {
			const order = await createOrder(emu, 'ORD-2');
			const t = await activated({ event: 'orderStatusChanged' });
			await transition(emu, order.id, 'analyzing');
			const items = (await t.poll()) ?? [];
			expect(items.map((i) => [i.json.id, event(i).from, event(i).to, i.json.status])).toEqual([
				[order.id, 'created', 'analyzing', 'analyzing'],
			]);
			expect(await t.poll()).toBeNull();
		});

		test('To Status keeps only changes into the chosen statuses', async () => {
			const [a, b] = [await createOrder(emu, 'ORD-3'), await createOrder(emu, 'ORD-4')];
			const t = await activated({ event: 'orderStatusChanged', toStatuses: ['cancelled'] });
			await transition(emu, a.id, 'analyzing');
			await transition(emu, b.id, 'cancelled');
			expect(ids(await t.poll())).toEqual([b.id]);
			expect(await t.poll()).toBeNull();
		});

		test('an order created and cancelled between two polls is a change too', async () => {
			const t = await activated({ event: 'orderStatusChanged' });
			const order = await createOrder(emu, 'ORD-5');
			await transition(emu, order.id, 'cancelled');
			const items = (await t.poll()) ?? [];
			expect(items.map((i) => [i.json.id, event(i).from, event(i).to])).toEqual([[order.id, 'created', 'cancelled']]);
		});

		test('an open order older than the newest page is still followed, through the status filter', async () => {
			// The newest page of 100 reaches back past the lookback (its last order is older), so
			// it holds every new order; OLD is not on it.
			const old = await createOrder(emu, 'OLD');
			await emu.advance(180_000);
			for (let i = 0; i < 10; i++) await createOrder(emu, `OLDISH-${i}`);
			await emu.advance(180_000);
			await inParallel(99, async (i) => await createOrder(emu, `NEWER-${i}`));
			const t = await activated({ event: 'orderStatusChanged' });
			await transition(emu, old.id, 'analyzing');
			expect(ids(await t.poll())).toEqual([old.id]);
			const filtered = await emu.requests({ service: 'miner', method: 'GET', path: '/api/v1/orders' });
			expect(
				filtered
					.map((r) => r.query.status)
					.filter(Boolean)
					.sort(),
			).toEqual(['analyzing', 'created', 'review', 'sign_off']);
		});
	});

	describe('Sample Created', () => {
		test('emits new samples only (not subjects or orders)', async () => {
			const t = await activated({ event: 'sampleCreated' });
			const sample = await createSample(emu, 'SMP-1');
			await createOrder(emu, 'ORD-6');
			const items = (await t.poll()) ?? [];
			expect(ids(items)).toEqual([sample.id]);
			expect(items[0].json).toMatchObject({ display_id: 'SMP-1', event: { type: 'sampleCreated' } });
		});
	});

	describe('Run Finished', () => {
		test('Any emits succeeded, failed and cancelled runs with their outcome, in the order they ended', async () => {
			const t = await activated({ event: 'runFinished' });
			const ok = await finishedRun(emu, 'succeeded');
			await emu.advance(1000);
			const bad = await finishedRun(emu, 'failed');
			await emu.advance(1000);
			const stopped = await finishedRun(emu, 'cancelled');
			const items = (await t.poll()) ?? [];
			expect(items.map((i) => [i.json.id, i.json.status, event(i).to, i.json.project_id])).toEqual([
				[ok.id, 'succeeded', 'succeeded', PROJECT_A],
				[bad.id, 'failed', 'failed', PROJECT_A],
				[stopped.id, 'cancelled', 'cancelled', PROJECT_A],
			]);
		});

		test('a run seen running is reported when it ends, with the status it had', async () => {
			const run = await emu.api<IDataObject>('compute', 'POST', '/runs', {
				body: { pipeline_id: NEXTFLOW_MINIMAL, params: {} },
			});
			const t = await activated({ event: 'runFinished' });
			await emu.advance(2500); // queued → running
			expect(await t.poll()).toBeNull();
			await emu.control('POST', `/runs/${String(run.id)}/outcome`, { outcome: 'failed' });
			const items = (await t.poll()) ?? [];
			expect(items.map((i) => [i.json.id, event(i).from, event(i).to])).toEqual([[run.id, 'running', 'failed']]);
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
			expect(ids(await t.poll())).toEqual([wanted.id]);
			expect(await t.poll()).toBeNull();
		});

		test('a run that is only started is not finished', async () => {
			const t = await activated({ event: 'runFinished' });
			await emu.api('compute', 'POST', '/runs', { body: { pipeline_id: NEXTFLOW_MINIMAL, params: {} } });
			expect(await t.poll()).toBeNull();
		});
	});

	describe('File Added', () => {
		test('emits objects under the prefix, however deep, with their listing fields', async () => {
			const t = await activated({ event: 'fileAdded', pathPrefix: 'gs://bgl-hereditary-2026/analyses/run-' });
			await writeFiles(emu, [
				'analyses/run-1/out.vcf.gz',
				'analyses/other/x.txt',
				'inbox/y.txt',
				'analyses/run-2/a/b/c.txt',
			]);
			const items = (await t.poll()) ?? [];
			expect(names(items).sort()).toEqual(['analyses/run-1/out.vcf.gz', 'analyses/run-2/a/b/c.txt']);
			expect(items[0].json).toMatchObject({
				size: expect.any(Number),
				last_modified: expect.any(String),
				bucket_name: 'bgl-hereditary-2026',
				event: { type: 'fileAdded' },
			});
			const listings = await emu.requests({ service: 'files' });
			if (profile === 'documented') {
				// One folder level per request (docs/flow-api.md §8.1); folders that cannot hold the prefix are not read.
				expect(listings.map((r) => r.query.path).sort()).toEqual(
					['analyses/', 'analyses/run-1/', 'analyses/run-2/', 'analyses/run-2/a/', 'analyses/run-2/a/b/'].sort(),
				);
				expect(listings.every((r) => r.query.recursive === undefined && r.query.project_id === PROJECT_A)).toBe(true);
			} else {
				expect(listings.map((r) => r.query)).toEqual([
					expect.objectContaining({ path: 'analyses/', recursive: 'true', limit: '1000', offset: '0' }),
				]);
			}
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
			await emu.clearRequests();
			const t = trigger(emu, { parameters: { event: 'fileAdded', pathPrefix: 'analyses/../secrets/' } });
			await expect(t.poll()).rejects.toThrow(/Path Prefix/);
			expect(await emu.requests({ path: /./ })).toHaveLength(0);
		});
	});

	describe('Report Signed', () => {
		test('fires when the order is completed by Approve-and-Sign', async () => {
			const [orderId] = await ordersAtSignOff(emu, 1, 'ORD-7');
			const t = await activated({ event: 'reportSigned' });
			await signReports(emu, [orderId]);
			const items = (await t.poll()) ?? [];
			expect(items).toHaveLength(1);
			expect(event(items[0])).toMatchObject({
				type: 'reportSigned',
				from: 'sign_off',
				to: 'signed',
				orderId,
				signedPdfPath: 'orders/ord-7-0/signed-report.pdf',
			});
			if (profile === 'full') {
				// The server lists GET /reports: the item is the signed report.
				expect(items[0].json).toMatchObject({
					status: 'signed',
					order_id: orderId,
					signed_pdf_path: 'orders/ord-7-0/signed-report.pdf',
				});
			} else {
				// No report endpoint in the reference: the item is the completed order.
				expect(items[0].json).toMatchObject({ id: orderId, status: 'completed' });
				expect(await emu.requests({ service: 'report', method: 'GET' })).toEqual([]);
			}
			expect(await t.poll()).toBeNull();
		});

		test('a cancelled order is not a signed report', async () => {
			const order = await createOrder(emu, 'ORD-8');
			const t = await activated({ event: 'reportSigned' });
			await transition(emu, order.id, 'cancelled');
			expect(await t.poll()).toBeNull();
		});
	});

	describe('errors', () => {
		test('no project anywhere: an error naming the Project field, no request sent', async () => {
			await emu.clearRequests();
			const t = trigger(emu, {
				parameters: { event: 'orderCreated', project: { __rl: true, mode: 'list', value: '' } },
				credentials: { projectId: '' },
			});
			await expect(t.poll()).rejects.toThrow(/'Project' field/);
			expect(await emu.requests({ path: /./ })).toHaveLength(0);
		});

		test.each(['orderCreated', 'orderStatusChanged', 'runFinished', 'fileAdded'])(
			'%s: an API error is thrown (not swallowed) without the token in it, and nothing is saved',
			async (name) => {
				const t = trigger(emu, { parameters: { event: name }, credentials: { accessToken: TOKENS.expired } });
				const error = await t.poll().then(
					() => undefined,
					(e: unknown) => e,
				);
				expect(error).toMatchObject({ httpCode: '401' });
				expect(allText(error)).not.toContain(TOKENS.expired);
				expect(JSON.stringify(t.saved())).not.toContain('cursorKey');
			},
		);
	});
});

/**
 * The per-service triggers (iFlow Miner / Compute / Files / Report Trigger): thin nodes over the
 * iFlow Trigger's poll code, each offering its service's events. Each event fires through them
 * as it does through the original node; an event the node does not offer is refused.
 */
import type { IDataObject, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import { IFlowComputeTrigger } from '../../../nodes/IFlowComputeTrigger/IFlowComputeTrigger.node';
import { IFlowFilesTrigger } from '../../../nodes/IFlowFilesTrigger/IFlowFilesTrigger.node';
import { IFlowMinerTrigger } from '../../../nodes/IFlowMinerTrigger/IFlowMinerTrigger.node';
import { IFlowReportTrigger } from '../../../nodes/IFlowReportTrigger/IFlowReportTrigger.node';
import { IFlowTrigger } from '../../../nodes/IFlowTrigger/IFlowTrigger.node';
import type { PollingNode } from './harness';
import {
	createOrder,
	createSample,
	finishedRun,
	ids,
	names,
	ordersAtSignOff,
	signReports,
	transition,
	trigger,
	writeFiles,
	useTriggerEmulator,
} from './harness';

const eventOf = (item: INodeExecutionData) => item.json.event as IDataObject;

const offered = (node: PollingNode) => {
	const field = node.description.properties.find((p) => p.name === 'event');
	return ((field?.options ?? []) as INodePropertyOptions[]).map((o) => o.value);
};

describe('per-service triggers', () => {
	const emu = useTriggerEmulator('documented');

	/** An activated trigger of `nodeType` that has recorded where the project stands. */
	async function activated(nodeType: new () => PollingNode, parameters: IDataObject) {
		const t = trigger(emu, { nodeType, parameters });
		expect(await t.poll()).toBeNull();
		return t;
	}

	test('each node offers its own events; the original offers them all', () => {
		expect(offered(new IFlowMinerTrigger())).toEqual(['orderCreated', 'orderStatusChanged', 'sampleCreated']);
		expect(offered(new IFlowComputeTrigger())).toEqual(['runFinished']);
		expect(offered(new IFlowFilesTrigger())).toEqual(['fileAdded']);
		expect(offered(new IFlowReportTrigger())).toEqual(['reportSigned']);
		expect(offered(new IFlowTrigger())).toEqual([
			'fileAdded',
			'orderCreated',
			'orderStatusChanged',
			'reportSigned',
			'runFinished',
			'sampleCreated',
		]);
	});

	test('iFlow Miner Trigger: Order Created, Order Status Changed and Sample Created fire', async () => {
		const existing = await createOrder(emu, 'ORD-M0');
		const created = await activated(IFlowMinerTrigger, { event: 'orderCreated' });
		const changed = await activated(IFlowMinerTrigger, { event: 'orderStatusChanged', toStatuses: ['analyzing'] });
		const samples = await activated(IFlowMinerTrigger, { event: 'sampleCreated' });
		await emu.advance(1000);
		const order = await createOrder(emu, 'ORD-M1');
		await transition(emu, existing.id, 'analyzing');
		const sample = await createSample(emu, 'SMP-M1');

		const [newOrder] = (await created.poll()) ?? [];
		expect(newOrder.json).toMatchObject({ id: order.id, event: { type: 'orderCreated' } });
		const moved = (await changed.poll()) ?? [];
		expect(moved.map((i) => [i.json.id, eventOf(i).from, eventOf(i).to])).toEqual([
			[existing.id, 'created', 'analyzing'],
		]);
		expect(ids(await samples.poll())).toEqual([sample.id]);
		for (const t of [created, changed, samples]) expect(await t.poll()).toBeNull();
	});

	test('iFlow Compute Trigger: Run Finished fires, Outcome applies', async () => {
		const t = await activated(IFlowComputeTrigger, { event: 'runFinished', outcome: 'failed' });
		await finishedRun(emu, 'succeeded');
		const failed = await finishedRun(emu, 'failed');
		const items = (await t.poll()) ?? [];
		expect(items.map((i) => [i.json.id, eventOf(i).type, eventOf(i).to])).toEqual([
			[failed.id, 'runFinished', 'failed'],
		]);
		expect(await t.poll()).toBeNull();
	});

	test('iFlow Files Trigger: File Added fires under the Path Prefix', async () => {
		const t = await activated(IFlowFilesTrigger, { event: 'fileAdded', pathPrefix: 'inbox/' });
		await writeFiles(emu, ['inbox/a.fastq.gz', 'other/b.txt']);
		const items = (await t.poll()) ?? [];
		expect(names(items)).toEqual(['inbox/a.fastq.gz']);
		expect(eventOf(items[0])).toMatchObject({ type: 'fileAdded' });
		expect(await t.poll()).toBeNull();
	});

	test('iFlow Report Trigger: Report Signed fires when the report is signed', async () => {
		const [orderId] = await ordersAtSignOff(emu, 1, 'ORD-R');
		const t = await activated(IFlowReportTrigger, { event: 'reportSigned' });
		await signReports(emu, [orderId]);
		const items = (await t.poll()) ?? [];
		expect(items.map((i) => eventOf(i))).toEqual([expect.objectContaining({ type: 'reportSigned', orderId })]);
		expect(await t.poll()).toBeNull();
	});

	test('the same parameters give the same items on the original iFlow Trigger (one poll code)', async () => {
		const parameters = { event: 'runFinished' };
		const original = await activated(IFlowTrigger, parameters);
		const compute = await activated(IFlowComputeTrigger, parameters);
		await finishedRun(emu, 'succeeded');
		await finishedRun(emu, 'cancelled');
		const fromOriginal = await original.poll();
		expect(fromOriginal).toHaveLength(2);
		expect(await compute.poll()).toEqual(fromOriginal);
	});

	test("an event the node does not offer is refused before any request, naming 'Event'", async () => {
		await emu.clearRequests();
		const t = trigger(emu, { nodeType: IFlowMinerTrigger, parameters: { event: 'runFinished' } });
		await expect(t.poll()).rejects.toThrow(/Invalid 'Event': 'runFinished' is not an event of this node/);
		expect(await emu.requests({ path: /./ })).toHaveLength(0);
		expect(JSON.stringify(t.saved())).not.toContain('cursorKey');
	});
});

/**
 * Each of the six events, on a server with only what the reference documents (`documented`) and
 * on the full emulator (audit feed, offset, recursive listing): every change fires exactly once —
 * across 1,000 changes over several polls, an n8n restart, and changes sharing one timestamp.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { EmulatorHandle } from '../../helpers/emulator';
import { PROFILES, type Profile } from '../profile';
import type { Trigger } from './harness';
import {
	createOrder,
	emulatorNow,
	finishedRun,
	inParallel,
	ordersAtSignOff,
	signReports,
	transition,
	trigger,
	writeFiles,
	useTriggerEmulator,
} from './harness';

interface Driver {
	parameters: IDataObject;
	/** Run before activation; `total` = changes the test will make. */
	prepare?: (emu: EmulatorHandle, total: number) => Promise<string[]>;
	/** Make changes number `from`..`from+count-1`; the keys of the items they must produce. */
	change: (emu: EmulatorHandle, prepared: string[], from: number, count: number) => Promise<string[]>;
	key: (item: INodeExecutionData) => string;
}

const event = (item: INodeExecutionData) => item.json.event as IDataObject;
const STEPS = ['analyzing', 'review', 'sign_off', 'cancelled'];

/**
 * Status changes on orders prepared up front: change i moves order i % n one step on, so one
 * batch never moves an order twice (passing through statuses between polls is feed.test.ts).
 * The big test uses n = total / 4 orders (four steps each), the small ones one step per order.
 */
function statusDriver(): Driver {
	return {
		parameters: { event: 'orderStatusChanged' },
		prepare: async (emu, total) =>
			await inParallel(total >= 100 ? total / STEPS.length : total, async (i) =>
				String((await createOrder(emu, `ST-${i}`)).id),
			),
		change: async (emu, orders, from, count) =>
			await inParallel(count, async (k) => {
				const i = from + k;
				const id = orders[i % orders.length];
				const to = STEPS[Math.floor(i / orders.length)];
				await transition(emu, id, to);
				return `${id}>${to}`;
			}),
		key: (item) => `${String(item.json.id)}>${String(event(item).to)}`,
	};
}

const DRIVERS: Record<string, Driver> = {
	orderCreated: {
		parameters: { event: 'orderCreated' },
		change: async (emu, _p, from, count) =>
			await inParallel(count, async (k) => String((await createOrder(emu, `OC-${from + k}`)).id)),
		key: (item) => String(item.json.id),
	},
	sampleCreated: {
		parameters: { event: 'sampleCreated' },
		prepare: async (emu) => [
			String((await emu.api('miner', 'POST', '/subjects', { body: { display_id: 'SUBJ' } })).id),
		],
		change: async (emu, [subject], from, count) =>
			await inParallel(count, async (k) => {
				const body = { display_id: `SC-${from + k}`, subject_id: subject, sample_type: 'germline' };
				return String((await emu.api('miner', 'POST', '/samples', { body })).id);
			}),
		key: (item) => String(item.json.id),
	},
	orderStatusChanged: statusDriver(),
	reportSigned: {
		parameters: { event: 'reportSigned' },
		prepare: async (emu, total) => await ordersAtSignOff(emu, total, 'RS'),
		change: async (emu, orders, from, count) => {
			const batch = orders.slice(from, from + count);
			await signReports(emu, batch);
			return batch;
		},
		key: (item) => String(event(item).orderId),
	},
	runFinished: {
		parameters: { event: 'runFinished' },
		change: async (emu, _p, from, count) =>
			await inParallel(count, async (k) => {
				const outcome = (['succeeded', 'failed', 'cancelled'] as const)[(from + k) % 3];
				return String((await finishedRun(emu, outcome)).id);
			}),
		key: (item) => String(item.json.id),
	},
	fileAdded: {
		parameters: { event: 'fileAdded', pathPrefix: 'inbox/' },
		change: async (emu, _p, from, count) => {
			// Three levels deep too: the documented listing is one folder level.
			const keys = Array.from(
				{ length: count },
				(_, k) => `inbox/b${Math.floor((from + k) / 100)}/d${(from + k) % 3}/f-${from + k}.txt`,
			);
			await writeFiles(emu, keys);
			return keys;
		},
		key: (item) => String(item.json.name),
	},
};

async function pollKeys(t: Trigger, driver: Driver): Promise<string[]> {
	return ((await t.poll()) ?? []).map(driver.key);
}

const sorted = (keys: string[]) => [...keys].sort();

describe.each(PROFILES)('%s profile', (profile: Profile) => {
	const emu = useTriggerEmulator(profile);

	describe.each(Object.keys(DRIVERS))('%s', (name) => {
		const driver = DRIVERS[name];

		test('1,000 changes over four polls: each fires exactly once', async () => {
			const prepared = (await driver.prepare?.(emu, 1000)) ?? [];
			const t = trigger(emu, { parameters: driver.parameters });
			expect(await t.poll()).toBeNull();
			const expected: string[] = [];
			const emitted: string[] = [];
			for (let batch = 0; batch < 4; batch++) {
				await emu.advance(1000);
				expected.push(...(await driver.change(emu, prepared, batch * 250, 250)));
				emitted.push(...(await pollKeys(t, driver)));
			}
			expect(await t.poll()).toBeNull();
			expect(new Set(emitted).size).toBe(emitted.length);
			expect(sorted(emitted)).toEqual(sorted(expected));
		}, 180_000);

		test('a restart (static data saved and loaded again) repeats nothing and loses nothing', async () => {
			const prepared = (await driver.prepare?.(emu, 8)) ?? [];
			const t = trigger(emu, { parameters: driver.parameters });
			expect(await t.poll()).toBeNull();
			await emu.advance(1000);
			const first = await driver.change(emu, prepared, 0, 4);
			expect(sorted(await pollKeys(t, driver))).toEqual(sorted(first));
			// n8n restarts: the static data comes back from its database into a new workflow and context.
			const restarted = trigger(emu, { parameters: driver.parameters, staticData: t.saved() });
			await emu.advance(1000);
			const second = await driver.change(emu, prepared, 4, 4);
			expect(sorted(await pollKeys(restarted, driver))).toEqual(sorted(second));
			expect(await restarted.poll()).toBeNull();
		});

		test('changes sharing one timestamp, also one made after a poll in the same instant, fire once each', async () => {
			const prepared = (await driver.prepare?.(emu, 8)) ?? [];
			const t = trigger(emu, { parameters: driver.parameters });
			expect(await t.poll()).toBeNull();
			const instant = await emulatorNow(emu);
			const tied = await driver.change(emu, prepared, 0, 3);
			expect(sorted(await pollKeys(t, driver))).toEqual(sorted(tied));
			const twins = await driver.change(emu, prepared, 3, 2);
			expect(await emulatorNow(emu)).toBe(instant);
			expect(sorted(await pollKeys(t, driver))).toEqual(sorted(twins));
			expect(await t.poll()).toBeNull();
			await emu.advance(1000);
			const later = await driver.change(emu, prepared, 5, 1);
			expect(await pollKeys(t, driver)).toEqual(later);
		});
	});
});

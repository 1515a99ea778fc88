import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeType,
	IPollFunctions,
	Workflow,
} from 'n8n-workflow';

import { IFlowTrigger } from '../../../nodes/IFlowTrigger/IFlowTrigger.node';
import type { EmulatorHandle } from '../../helpers/emulator';
import { PROJECT_A, TOKENS } from '../../helpers/emulator';
import { pollContext } from '../../helpers/engine';
import { useEmulatorHandle } from '../../helpers/suite';
import type { Profile } from '../profile';

/** One activated iFlow Trigger: poll it like n8n's scheduler does, over the workflow's static data. */
export interface Trigger {
	workflow: Workflow;
	/** The poll context n8n would keep for the active workflow (its logger is n8n's). */
	context: IPollFunctions;
	/** Whether the engine reports a poll budget (n8n 2.x); the 1.x line has none. */
	budgeted: boolean;
	poll(): Promise<INodeExecutionData[] | null>;
	/** The node's static data as n8n would persist it (a JSON copy). */
	saved(): IDataObject;
}

export interface TriggerOptions {
	parameters: IDataObject;
	staticData?: IDataObject;
	mode?: 'trigger' | 'manual';
	pollBudgetMs?: number;
	credentials?: IDataObject;
	/** Which trigger node (default: the original iFlow Trigger, every event). */
	nodeType?: new () => PollingNode;
}

/** A trigger node of this package: it polls. */
export type PollingNode = INodeType & { poll: NonNullable<INodeType['poll']> };

export function trigger(emu: EmulatorHandle, options: TriggerOptions): Trigger {
	const NodeType = options.nodeType ?? IFlowTrigger;
	const { context, workflow } = pollContext({
		node: new NodeType(),
		parameters: { project: { __rl: true, mode: 'id', value: PROJECT_A }, ...options.parameters },
		credentials: { ...emu.credentials(), ...(options.credentials ?? {}) } as ICredentialDataDecryptedObject,
		staticData: options.staticData ? structuredClone(options.staticData) : undefined,
		mode: options.mode,
		pollBudgetMs: options.pollBudgetMs,
	});
	const node = new NodeType();
	return {
		workflow,
		context: context as unknown as IPollFunctions,
		budgeted: typeof (context as { getPollBudgetMs?: unknown }).getPollBudgetMs === 'function',
		async poll() {
			const result = await node.poll.call(context as unknown as IPollFunctions);
			return result ? result[0] : null;
		},
		saved: () => JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
	};
}

/** Poll until a poll returns nothing; every item of every poll, in order. */
export async function drain(t: Trigger, maxPolls = 50): Promise<{ items: INodeExecutionData[]; polls: number }> {
	const items: INodeExecutionData[] = [];
	for (let polls = 1; polls <= maxPolls; polls++) {
		const batch = await t.poll();
		if (!batch) return { items, polls };
		items.push(...batch);
	}
	throw new Error(`still emitting after ${maxPolls} polls`);
}

export const names = (items: INodeExecutionData[] | null): string[] => (items ?? []).map((i) => String(i.json.name));

export const ids = (items: INodeExecutionData[] | null): string[] => (items ?? []).map((i) => String(i.json.id));

export async function createOrder(emu: EmulatorHandle, displayId: string): Promise<IDataObject> {
	return await emu.api<IDataObject>('miner', 'POST', '/orders', { body: { display_id: displayId } });
}

export async function createSample(emu: EmulatorHandle, displayId: string): Promise<IDataObject> {
	const subject = await emu.api<IDataObject>('miner', 'POST', '/subjects', { body: { display_id: `S-${displayId}` } });
	return await emu.api<IDataObject>('miner', 'POST', '/samples', {
		body: { display_id: displayId, subject_id: subject.id, sample_type: 'germline' },
	});
}

export async function transition(emu: EmulatorHandle, orderId: unknown, status: string): Promise<void> {
	await emu.api('miner', 'POST', `/orders/${String(orderId)}/transition`, { body: { status } });
}

/** A run of `pipeline` ended with `outcome` at once. */
export async function finishedRun(
	emu: EmulatorHandle,
	outcome: 'succeeded' | 'failed' | 'cancelled',
	pipelineId = '5c2e8f10-7d3b-4e61-9a2f-1b0c9d8e7f61',
): Promise<IDataObject> {
	const run = await emu.api<IDataObject>('compute', 'POST', '/runs', { body: { pipeline_id: pipelineId, params: {} } });
	await emu.control('POST', `/runs/${String(run.id)}/outcome`, { outcome });
	return run;
}

/** Objects written straight into project A's bucket (no audit events, time = emulator clock). */
export async function writeFiles(emu: EmulatorHandle, keys: string[]): Promise<void> {
	await emu.control('POST', '/seed', {
		files: { [PROJECT_A]: Object.fromEntries(keys.map((k) => [k, `data of ${k}`])) },
	});
}

// ---- Emulator, bulk changes, sign-off ----

/**
 * One emulator for the describe block (or file) this is called in, serving `profile` (without one,
 * the suite's: test/engine/profile.ts). `full` has the reference and the emulator's extensions,
 * audit feed included; `documented` only what the published reference documents: no feed, no
 * offset, no recursive listing, newest-first lists, whole-second timestamps. Fresh state before
 * each test, on the manual clock: time moves only when a test says so (runs end when told,
 * timestamps can be tied on purpose).
 */
export function useTriggerEmulator(profile?: Profile): EmulatorHandle {
	const emu = useEmulatorHandle(profile ? { profile } : {});
	if (profile)
		beforeAll(async () => {
			const active = await emu.control<{ profile?: string }>('GET', '/profile');
			if (active.profile !== profile) throw new Error(`the emulator does not serve the ${profile} profile`);
		});
	beforeEach(async () => await emu.clock('manual'));
	return emu;
}

/** `fn(0..count-1)`, `concurrency` at a time, results in order. */
export async function inParallel<T>(count: number, fn: (i: number) => Promise<T>, concurrency = 16): Promise<T[]> {
	const out: T[] = new Array<T>(count);
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const i = next++;
			out[i] = await fn(i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	return out;
}

/** Orders moved to sign_off through the real miner API (their reports exist from review on). */
export async function ordersAtSignOff(emu: EmulatorHandle, count: number, prefix: string): Promise<string[]> {
	return await inParallel(count, async (i) => {
		const order = await createOrder(emu, `${prefix}-${i}`);
		for (const status of ['analyzing', 'review', 'sign_off']) await transition(emu, order.id, status);
		return String(order.id);
	});
}

/**
 * Approve-and-Sign the reports of these orders through the documented HTMX commit route (docs/flow-api.md §10.1;
 * the JSON report routes are emulator extensions). Report ids come from the emulator's state.
 */
export async function signReports(emu: EmulatorHandle, orderIds: string[]): Promise<void> {
	const state = await emu.control<{ reports: IDataObject[] }>('GET', '/state');
	const reportOf = new Map(state.reports.map((r) => [String(r.order_id), String(r.id)]));
	await inParallel(orderIds.length, async (i) => {
		const response = await fetch(`${emu.url}/report/${reportOf.get(orderIds[i])}/signoff/commit`, {
			method: 'POST',
			headers: { authorization: `Bearer ${TOKENS.admin}` },
		});
		if (!response.ok) throw new Error(`sign-off of order ${orderIds[i]}: ${response.status} ${await response.text()}`);
	});
}

/** The emulator's clock now (ISO). */
export async function emulatorNow(emu: EmulatorHandle): Promise<string> {
	const clock = await emu.control<{ now: string | number }>('GET', '/clock');
	return new Date(clock.now).toISOString();
}

/** Size in bytes of the node's static data as n8n stores it (JSON). */
export const savedSize = (t: Trigger): number => JSON.stringify(t.saved()).length;

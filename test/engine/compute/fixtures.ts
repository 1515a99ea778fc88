// Shared set-up for the iFlow Compute engine tests: one emulator per test file on the MANUAL
// clock (runs move only when a test calls advance), runs submitted through the real API, and a
// short way to run the node.
import { sleep } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { IFlowCompute } from '../../../nodes/IFlowCompute/IFlowCompute.node';
import type { EmulatorHandle, EmulatorRequest } from '../../helpers/emulator';
import { nodeRunner, useEmulator as useSharedEmulator } from '../../helpers/suite';

export const node = new IFlowCompute();

export const HEREDITARY_100 = '5c2e8f10-7d3b-4e61-9a2f-1b0c9d8e7f60';
export const HEREDITARY_110 = '5c2e8f10-7d3b-4e61-9a2f-1b0c9d8e7f61';
export const NEXTFLOW = '7a1d3e5f-2b4c-4d6e-8f01-a2b3c4d5e6f7';
export const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';
/** More emulator time than any run needs (2 s queued + 10 s running by default). */
export const RUN_TIME = 60_000;

/** One emulator per test file on the manual clock (test/helpers/suite.js). */
export const useEmulator = () => useSharedEmulator({ clock: 'manual' });

export { byId } from '../../helpers/suite';
export type { RunOptions } from '../../helpers/suite';

export const run = nodeRunner(node);

/** Resource locator value "By Slug". */
export const bySlug = (value: string) => ({ __rl: true, mode: 'slug', value });

/** Submit a run through the API (set-up, not the node under test). */
export async function submitRun(emu: EmulatorHandle, body: IDataObject = {}): Promise<IDataObject> {
	return await emu.api<IDataObject>('compute', 'POST', '/runs', {
		body: { pipeline_id: HEREDITARY_110, params: {}, ...body },
	});
}

/** A run that has already ended with the given outcome. */
export async function finishedRun(
	emu: EmulatorHandle,
	outcome: 'succeeded' | 'failed' | 'cancelled' = 'succeeded',
	body: IDataObject = {},
): Promise<IDataObject> {
	const created = await submitRun(emu, {
		...body,
		params: { __emulator_outcome: outcome, ...((body.params as IDataObject) ?? {}) },
	});
	await emu.advance(RUN_TIME);
	return await emu.api<IDataObject>('compute', 'GET', `/runs/${String(created.id)}`);
}

export async function createOrder(emu: EmulatorHandle, displayId: string): Promise<IDataObject> {
	return await emu.api<IDataObject>('miner', 'POST', '/orders', { body: { display_id: displayId } });
}

/** Requests to compute's `GET /runs/{id}` (status checks). */
export async function statusChecks(emu: EmulatorHandle, runId: string): Promise<EmulatorRequest[]> {
	return await emu.requests({ service: 'compute', method: 'GET', path: `/api/v1/runs/${runId}` });
}

/** Wait (test side) until the node has made `count` status checks of the run. */
export async function untilStatusChecks(emu: EmulatorHandle, runId: string, count: number): Promise<void> {
	for (let i = 0; i < 1000; i++) {
		if ((await statusChecks(emu, runId)).length >= count) return;
		await sleep(10);
	}
	throw new Error(`the node made fewer than ${count} status checks of run ${runId}`);
}

/** Wait (test side) until the node has submitted a run; its id, read from the emulator state (not logged). */
export async function untilSubmitted(emu: EmulatorHandle): Promise<string> {
	for (let i = 0; i < 1000; i++) {
		const state = await emu.control<{ runs: IDataObject[] }>('GET', '/state');
		if (state.runs.length) return String(state.runs[state.runs.length - 1].id);
		await sleep(10);
	}
	throw new Error('the node submitted no run');
}

/**
 * Drives a Submit with Wait for Completion from the test side: pass `onStart` to run(); once the
 * node has submitted and checked the status once, the clock runs the run to its end. Await
 * `finished()` after the node returned.
 */
export function finishWhileWaiting(emu: EmulatorHandle) {
	let finished: Promise<void> | undefined;
	return {
		onStart: () => {
			finished = (async () => {
				const runId = await untilSubmitted(emu);
				await untilStatusChecks(emu, runId, 1);
				await emu.advance(RUN_TIME);
			})();
		},
		finished: async () => await finished,
	};
}

/** The next status check of run `id` is answered with `body` (e.g. the run with one field changed). */
export async function answerRunOnce(emu: EmulatorHandle, id: string, body: IDataObject): Promise<void> {
	await emu.fault({ service: 'compute', method: 'GET', path: `^/api/v1/runs/${id}$`, count: 1, status: 200, body });
}

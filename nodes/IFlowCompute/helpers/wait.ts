import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fetchOutputs } from './outputs';
import { terminalStatus } from './runs';
import { getRun } from './computeApi';

/** Each pause is this much longer than the one before … */
export const BACKOFF_FACTOR = 1.25;
/** … up to this multiple of the poll interval (15 s → 2 min). */
export const MAX_INTERVAL_FACTOR = 8;
/** Longest single sleep, so a cancelled execution stops within a second on every n8n line. */
const SLICE_MS = 1000;

export interface WaitSettings {
	intervalMs: number;
	maxWaitMs: number;
	downloadUrls: boolean;
	/** A failed or cancelled run is returned instead of raising an error. */
	outputFailed?: boolean;
}

/** The pause after `pauseIndex` earlier pauses: gentle exponential growth, capped. */
export function pauseMs(intervalMs: number, pauseIndex: number): number {
	const cap = intervalMs * MAX_INTERVAL_FACTOR;
	return Math.min(cap, intervalMs * BACKOFF_FACTOR ** pauseIndex);
}

/** Sleep `ms`, returning early when the execution is cancelled. */
async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	const end = Date.now() + ms;
	while (!signal?.aborted) {
		const left = end - Date.now();
		if (left <= 0) return;
		try {
			await sleep(Math.min(left, SLICE_MS), signal);
		} catch {
			return; // aborted
		}
	}
}

function describeRun(run: IDataObject): string {
	const pipeline = [run.pipeline_slug, run.pipeline_version].filter(Boolean).join(' ');
	return [run.name ? `Run "${String(run.name)}"` : 'The run', pipeline ? `of pipeline ${pipeline}` : '']
		.filter(Boolean)
		.join(' ');
}

/**
 * Wait for Completion, shared by the operation and Submit's option: poll first, then sleep with a
 * gentle backoff until the run is terminal, the maximum wait is over, or the execution is cancelled.
 * Succeeded → the run with its outputs; failed / cancelled → NodeOperationError (or the run, with
 * `outputFailed`); timed out → NodeOperationError.
 */
export async function waitForRun(
	this: IExecuteFunctions,
	runId: string,
	itemIndex: number,
	settings: WaitSettings,
): Promise<IDataObject> {
	const signal = this.getExecutionCancelSignal?.();
	const started = Date.now();
	let last: IDataObject | undefined;
	for (let pauses = 0; ; pauses++) {
		if (signal?.aborted) {
			throw new NodeOperationError(this.getNode(), `Stopped waiting for run ${runId}: the execution was cancelled`, {
				itemIndex,
				description: `Last status: ${String(last?.status ?? 'unknown')}. The run itself keeps going in iFlow.`,
			});
		}
		last = await getRun(this, runId, itemIndex);
		const terminal = terminalStatus(last);
		if (terminal === 'succeeded') {
			const outputs = await fetchOutputs.call(this, last, itemIndex, settings.downloadUrls);
			return { ...last, ...outputs };
		}
		if (terminal && settings.outputFailed) return last;
		if (terminal) {
			const reason = last.error_message
				? String(last.error_message)
				: terminal === 'cancelled'
					? 'cancelled'
					: 'no reason given';
			throw new NodeOperationError(this.getNode(), `Run ${runId} ${terminal}: ${reason}`, {
				itemIndex,
				description: `${describeRun(last)} ended with status "${terminal}" at ${String(last.finished_at ?? 'an unknown time')}. Route this error with the node setting On Error → Continue (using error output).`,
			});
		}
		const elapsed = Date.now() - started;
		if (elapsed >= settings.maxWaitMs) {
			throw new NodeOperationError(
				this.getNode(),
				`Timed out after ${Math.round(elapsed / 1000)} s waiting for run ${runId} (last status: ${String(last.status ?? 'unknown')})`,
				{
					itemIndex,
					description: `${describeRun(last)} is still ${String(last.status ?? 'not finished')} in iFlow. Raise 'Max Wait', wait again with the Wait for Completion operation, or use a callback ("Resume this execution") for long runs.`,
				},
			);
		}
		await pause(Math.min(pauseMs(settings.intervalMs, pauses), settings.maxWaitMs - elapsed), signal);
	}
}

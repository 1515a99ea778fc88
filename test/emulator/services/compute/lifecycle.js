// @ts-check
/**
 * Run lifecycle on the emulator clock: queued → running → succeeded | failed | cancelled.
 * The fate comes from `params.__emulator_outcome` / `__emulator_duration_ms` or the control
 * route `POST /_emulator/runs/{id}/outcome`. Durations (emulator time) default to 2 s queued and
 * 10 s running; `config.runDurations = { queuedMs, runningMs }` changes them.
 */
import { randomBytes } from 'node:crypto';
import { writeOutputs, runSlug } from './outputs.js';
import { sendCallback } from './callback.js';

export const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);
export const OUTCOMES = ['succeeded', 'failed', 'cancelled'];

/** Per-emulator timers (a module may serve several in-process emulators). @type {WeakMap<any, Map<string, () => void>>} */
const timersOf = new WeakMap();
/** @param {any} emu */
const timers = (emu) => {
	let m = timersOf.get(emu);
	if (!m) timersOf.set(emu, (m = new Map()));
	return m;
};

/** @param {any} emu @param {any} run */
function plan(emu, run) {
	const d = emu.config.runDurations ?? {};
	const p = run.params ?? {};
	return {
		outcome: run._outcome ?? (OUTCOMES.includes(p.__emulator_outcome) ? p.__emulator_outcome : 'succeeded'),
		queuedMs: Number(d.queuedMs ?? 2000),
		runningMs: Number.isFinite(Number(p.__emulator_duration_ms)) && p.__emulator_duration_ms !== undefined ? Number(p.__emulator_duration_ms) : Number(d.runningMs ?? 10_000),
	};
}

/** Start the clock for a new queued run. @param {any} emu @param {any} run */
export function scheduleRun(emu, run) {
	const { queuedMs } = plan(emu, run);
	timers(emu).set(run.id, emu.clock.schedule(queuedMs, () => startRunning(emu, run)));
}

/** @param {any} emu @param {any} run */
function startRunning(emu, run) {
	if (run.status !== 'queued') return;
	const now = emu.clock.iso();
	run.status = 'running';
	run.started_at = now;
	run.updated_at = now;
	run.job_id = `${run._engine === 'direct_nextflow' ? 'nf' : 'cromwell'}-${randomBytes(4).toString('hex')}`;
	emu.audit({ service: 'compute' }, { action: 'run.start', entity_type: 'run', entity_id: run.id, project_id: run.project_id, changes: { status: ['queued', 'running'] } });
	const { runningMs } = plan(emu, run);
	timers(emu).set(run.id, emu.clock.schedule(runningMs, () => finishRun(emu, run, plan(emu, run).outcome)));
}

/**
 * Move a run to a terminal state (writing outputs first on success), then notify.
 * @param {any} emu @param {any} run @param {'succeeded'|'failed'|'cancelled'} outcome
 * @param {{ errorMessage?: string, actor?: any }} [o]
 */
export async function finishRun(emu, run, outcome, o = {}) {
	if (TERMINAL.has(run.status)) return;
	timers(emu).get(run.id)?.();
	timers(emu).delete(run.id);
	const state = emu.state;
	const pipeline = state.pipelines.find((/** @type {any} */ p) => p.id === run.pipeline_id);
	run._finishing = true;
	if (outcome === 'succeeded') {
		const { folder, outputs } = await writeOutputs(emu, run, pipeline);
		if (emu.state !== state || TERMINAL.has(run.status)) return; // reset or cancelled meanwhile
		run._outputs = outputs;
		run.output_path = emu.projectFiles.uri(run.project_id, folder);
	}
	const now = emu.clock.iso();
	const before = run.status;
	if (!run.started_at && outcome !== 'cancelled') run.started_at = now;
	run.status = outcome;
	run.finished_at = now;
	run.updated_at = now;
	run.error_message = outcome === 'failed' ? (o.errorMessage ?? run._error_message ?? `Workflow ${pipeline?.slug ?? 'run'} failed: task exited with code 1 (emulated failure)`) : null;
	delete run._finishing;
	emu.audit({ service: 'compute', user: o.actor }, { action: outcome === 'cancelled' ? 'run.cancel' : `run.${outcome}`, entity_type: 'run', entity_id: run.id, project_id: run.project_id, changes: { status: [before, outcome] } });
	emu.emitSafe('run.terminal', run);
	sendCallback(emu, run, pipeline);
}

/** Cancel every timer (reset/stop). @param {any} emu */
export function dropTimers(emu) {
	timers(emu).clear();
}

export { runSlug };

// @ts-check
/**
 * The LIS callback (docs/flow-api.md §7.14, inferred shape): POST JSON to `callback_url` once per
 * terminal state, `X-Flow-Event: run.<status>`, signed URLs to the outputs; retried 3 times on
 * non-2xx, network error or timeout. Back-off 10 s / 60 s / 300 s in real clock mode, short
 * (50/100/200 ms) in fast and manual modes. Every attempt is kept in `state.callback_deliveries`.
 * Callback mode `once` (`config.callbacks`, control `POST /callbacks/mode`, CLI `--callbacks once`)
 * sends each callback exactly once, never retried: the reference does not say iFlow retries.
 */
import { randomUUID } from 'node:crypto';

const REAL_BACKOFF = [10_000, 60_000, 300_000];
const SHORT_BACKOFF = [50, 100, 200];
const SIGNED_URL_TTL = 24 * 3600;

export const CALLBACK_MODES = ['retry', 'once'];

/** `retry` (default: up to 3 retries) or `once`. @param {any} emu */
export function callbackMode(emu) {
	return emu.config.callbacks === 'once' ? 'once' : 'retry';
}

/** @param {any} emu @param {any} run @param {any} pipeline */
export function callbackBody(emu, run, pipeline) {
	const outputs = (run._outputs ?? []).map((/** @type {any} */ o) => {
		const signed = o.path ? emu.projectFiles.signedUrl(run.project_id, emu.projectFiles.keyFromUri(run.project_id, o.path), { expiresIn: SIGNED_URL_TTL }) : null;
		return { ...o, signed_url: signed?.url ?? null, signed_url_expires_at: signed?.expires_at ?? null };
	});
	return {
		event: `run.${run.status}`,
		run_id: run.id,
		run_name: run.name,
		status: run.status,
		project_id: run.project_id,
		pipeline_id: run.pipeline_id,
		pipeline_slug: pipeline?.slug ?? null,
		pipeline_version: pipeline?.version ?? null,
		order_id: run.order_id ?? null,
		tags: run.tags ?? [],
		output_path: run.output_path ?? null,
		error_message: run.error_message ?? null,
		created_at: run.created_at,
		started_at: run.started_at ?? null,
		finished_at: run.finished_at ?? null,
		outputs: run.status === 'succeeded' ? outputs : [],
	};
}

/** Fire-and-forget delivery with retries. @param {any} emu @param {any} run @param {any} pipeline */
export function sendCallback(emu, run, pipeline) {
	if (!run.callback_url) return;
	// The reference confirms callbacks on completion or failure only; a cancel one is our guess.
	if (emu.profile === 'documented' && run.status === 'cancelled') return;
	const body = JSON.stringify(callbackBody(emu, run, pipeline));
	const delivery = randomUUID();
	const deliveries = (emu.state.callback_deliveries ??= []);
	const state = emu.state;
	let stopped = false;
	const onStop = () => {
		stopped = true;
	};
	emu.hooks.once('reset', onStop);
	emu.hooks.once('stop', onStop);

	const attempt = async (/** @type {number} */ n) => {
		if (stopped || emu.state !== state) return;
		const record = { delivery_id: delivery, run_id: run.id, event: `run.${run.status}`, url: run.callback_url, attempt: n + 1, at: emu.clock.iso(), status: /** @type {number|null} */ (null), error: /** @type {string|null} */ (null) };
		deliveries.push(record);
		const timeoutMs = emu.clock.mode === 'real' ? 10_000 : 2_000;
		try {
			const res = await fetch(run.callback_url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'X-Flow-Event': `run.${run.status}`, 'X-Flow-Delivery': delivery, 'User-Agent': 'iflow-compute/emulator' },
				body,
				signal: AbortSignal.timeout(timeoutMs),
			});
			record.status = res.status;
			await res.arrayBuffer().catch(() => {});
			if (res.ok) return;
		} catch (err) {
			record.error = String(/** @type {Error} */ (err).message ?? err);
		}
		const backoff = emu.clock.mode === 'real' ? REAL_BACKOFF : SHORT_BACKOFF;
		if (callbackMode(emu) === 'once') return;
		if (n < backoff.length && !stopped) {
			const t = setTimeout(() => void attempt(n + 1), backoff[n]);
			t.unref?.();
		}
	};
	void attempt(0);
}

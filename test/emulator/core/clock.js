// @ts-check
/**
 * The emulator's controllable clock. Every timestamp and every scheduled lifecycle step goes
 * through it, so tests can run runs in "fast" mode (jump to the next due task at once), in
 * "manual" mode (nothing moves until `advance(ms)`), or in "real" mode (wall-clock timers).
 * `advance(ms)` works in every mode: it moves the clock forward and fires what became due.
 */

/** @typedef {'real'|'fast'|'manual'} ClockMode */
/** @typedef {{ due: number, seq: number, fn: () => unknown, cancelled: boolean }} Task */

export class Clock {
	/** @param {{ mode?: ClockMode, start?: number }} [opts] */
	constructor({ mode = 'real', start } = {}) {
		/** @type {ClockMode} */
		this.mode = mode;
		// Manual mode keeps its own time; the other modes add `offset` to the wall clock.
		this.offset = start !== undefined ? start - Date.now() : 0;
		this.manualNow = start ?? Date.now();
		/** @type {Task[]} */
		this.tasks = [];
		this.seq = 0;
		/** @type {NodeJS.Timeout | null} */
		this.timer = null;
		/** @type {Set<Promise<unknown>>} async work started by fired tasks */
		this.pending = new Set();
		this.stopped = false;
		/** Timestamps without milliseconds (`documented` profile), so several records share a second as on a real server. */
		this.wholeSeconds = false;
	}

	/** Current emulator time in ms since the epoch. */
	now() {
		return this.mode === 'manual' ? this.manualNow : Date.now() + this.offset;
	}

	/** Current time as ISO 8601 with `Z` (`…T10:00:00Z` when `wholeSeconds`). @param {number} [ms] */
	iso(ms) {
		const t = ms ?? this.now();
		return this.wholeSeconds ? new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z') : new Date(t).toISOString();
	}

	/** @param {ClockMode} mode */
	setMode(mode) {
		const now = this.now();
		this.mode = mode;
		if (mode === 'manual') this.manualNow = now;
		else this.offset = now - Date.now();
		this.pump();
	}

	/**
	 * Run `fn` after `delayMs` of emulator time. Returns a cancel function.
	 * @param {number} delayMs
	 * @param {() => unknown} fn
	 */
	schedule(delayMs, fn) {
		const task = { due: this.now() + Math.max(0, delayMs), seq: this.seq++, fn, cancelled: false };
		this.tasks.push(task);
		this.tasks.sort((a, b) => a.due - b.due || a.seq - b.seq);
		this.pump();
		return () => {
			task.cancelled = true;
			this.tasks = this.tasks.filter((t) => t !== task);
		};
	}

	/** Move time forward by `ms` and fire every task that became due, in order. @param {number} ms */
	advance(ms) {
		const target = this.now() + Math.max(0, ms);
		this.runUntil(target);
		if (this.mode === 'manual') this.manualNow = target;
		else this.offset += target - this.now();
		this.pump();
	}

	/** @param {number} target */
	runUntil(target) {
		for (;;) {
			const next = this.tasks[0];
			if (!next || next.due > target) return;
			this.tasks.shift();
			// Time jumps to the task, so timestamps written by it are consistent.
			if (this.mode === 'manual') this.manualNow = Math.max(this.manualNow, next.due);
			else if (next.due > this.now()) this.offset += next.due - this.now();
			this.safeRun(next);
		}
	}

	/** @param {Task} task */
	safeRun(task) {
		if (task.cancelled) return;
		try {
			const out = /** @type {any} */ (task.fn());
			if (out && typeof out.then === 'function') {
				const p = Promise.resolve(out).catch((err) => process.stderr.write(`emulator clock task failed: ${err?.stack ?? err}\n`));
				this.pending.add(p);
				p.finally(() => this.pending.delete(p));
			}
		} catch (err) {
			// A failing lifecycle step must not kill the emulator; surface it on stderr.
			process.stderr.write(`emulator clock task failed: ${/** @type {Error} */ (err).stack}\n`);
		}
	}

	/** (Re)arm the single wall-clock timer that drives real and fast modes. */
	pump() {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		if (this.stopped || this.mode === 'manual' || this.tasks.length === 0) return;
		const wait = this.mode === 'fast' ? 5 : Math.max(0, this.tasks[0].due - this.now());
		this.timer = setTimeout(() => {
			this.timer = null;
			const next = this.tasks[0];
			if (next) this.runUntil(this.mode === 'fast' ? next.due : this.now());
			this.pump();
		}, Math.min(wait, 2 ** 31 - 1));
		this.timer.unref?.();
	}

	/** Resolves when the async work of every fired task has finished (used after `advance`). */
	async settled() {
		while (this.pending.size) await Promise.allSettled([...this.pending]);
	}

	/** Drop every pending task (reset) without stopping the clock. */
	clear() {
		for (const t of this.tasks) t.cancelled = true;
		this.tasks = [];
		this.pump();
	}

	stop() {
		this.stopped = true;
		this.clear();
	}
}

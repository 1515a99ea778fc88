// @ts-check
/**
 * The request log behind `GET /_emulator/requests`, optionally mirrored to a JSON-lines file.
 * Only the newest MAX_ENTRIES stay in memory, so a long `npm start` session cannot grow forever.
 */
import { appendFileSync } from 'node:fs';

const MAX_ENTRIES = 20_000;

export class Recorder {
	/** @param {string | undefined} file FLOW_EMULATOR_LOG */
	constructor(file) {
		this.file = file;
		/** @type {any[]} */
		this.entries = [];
		this.seq = 0;
	}

	/** @param {Record<string, any>} entry without seq @returns {Record<string, any>} */
	add(entry) {
		const e = { seq: ++this.seq, ...entry };
		this.entries.push(e);
		if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
		return e;
	}

	/** Called once the status is known; writes the JSON line. @param {any} e */
	finish(e) {
		if (!this.file) return;
		try {
			appendFileSync(this.file, `${JSON.stringify(e)}\n`);
		} catch (err) {
			process.stderr.write(`emulator: cannot append to ${this.file}: ${/** @type {Error} */ (err).message}\n`);
		}
	}

	clear() {
		this.entries = [];
	}
}

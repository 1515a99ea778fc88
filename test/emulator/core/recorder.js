// @ts-check
/** The request log behind `GET /_emulator/requests`, optionally mirrored to a JSON-lines file. */
import { appendFileSync } from 'node:fs';

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

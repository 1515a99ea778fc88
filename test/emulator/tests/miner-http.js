// Shared by the miner/report/vcf tests: the core tests' client (client.js) with project A as the
// default X-Project-ID (pass `project: null` to send none).
import { before, after } from 'node:test';
import { startEmulator as startBase, A, B } from './client.js';

export const PROJECT_A = A;
export const PROJECT_B = B;
export const BUCKET_A = 'bgl-hereditary-2026';

/** @param {Parameters<typeof startBase>[0]} [opts] */
export async function startEmulator(opts = {}) {
	const base = await startBase(opts);
	/** @param {string} service @param {string} method @param {string} path @param {import('./client.js').CallOpts} [o] */
	const call = (service, method, path, o = {}) => base.call(service, method, path, { ...o, project: o.project === undefined ? A : o.project });
	return { ...base, call };
}

/**
 * One emulator for the test file (started in before, stopped in after), for module-level use:
 * `const { emu, call, control } = useEmulator();`. Each reaches the emulator of the file.
 * @param {Parameters<typeof startBase>[0]} [opts]
 */
export function useEmulator(opts = {}) {
	let started;
	before(async () => {
		started = await startEmulator(opts);
	});
	after(() => started.emu.stop());
	const emu = new Proxy({}, { get: (_target, key) => started.emu[key] });
	return { emu, call: (...args) => started.call(...args), control: (...args) => started.control(...args) };
}

let counter = 0;
/** A display id unique within one test run. */
export const uniqueId = (prefix) => `${prefix}-${process.pid}-${++counter}`;

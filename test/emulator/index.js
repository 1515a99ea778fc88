// @ts-check
/**
 * In-process API: `const emu = await start({ port: 0 })` → `{ url, port, stop(), state, emulator }`.
 * Service modules are every `services/*.js` file (see README "Writing a service module").
 */
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Emulator } from './core/emulator.js';
import { readSeed } from './core/state.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_SEED = join(here, 'seed', 'default.json');

/** Import every service module in services/. */
export async function loadModules(dir = join(here, 'services')) {
	const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
	const mods = [];
	for (const f of files) {
		const mod = (await import(pathToFileURL(join(dir, f)).href)).default;
		if (!mod?.service || !mod.handlers) throw new Error(`services/${f}: default export must be { service, handlers }`);
		mods.push(mod);
	}
	return mods;
}

/**
 * @param {object} [o]
 * @param {number} [o.port] 0 = a free port
 * @param {string} [o.host]
 * @param {string | object} [o.seed] seed file path or seed object (default seed/default.json)
 * @param {'real'|'fast'|'manual'} [o.clock]
 * @param {string} [o.dataDir] where buckets live (default: a temp folder removed on stop)
 * @param {string} [o.logFile] request log as JSON lines (default env FLOW_EMULATOR_LOG)
 * @param {boolean} [o.validateResponses] answer 500 when a handler's 2xx body breaks the spec (default on)
 * @param {Record<string, any>} [o.config] service settings, e.g. `{ runDurations: { queuedMs, runningMs } }`
 * @param {string} [o.publicUrl] base URL for signed URLs when clients reach the emulator by another address
 * @param {'full'|'documented'} [o.profile] spec slice served (default env FLOW_EMULATOR_PROFILE, else `full`; README "Profiles")
 * @param {number | null} [o.maxPageSize] list endpoints answer at most this many records whatever `limit` asks (default: no cap)
 */
export async function start({
	port = 0,
	host = '127.0.0.1',
	seed,
	clock = 'real',
	dataDir,
	logFile = process.env.FLOW_EMULATOR_LOG || undefined,
	validateResponses = true,
	config = {},
	publicUrl,
	profile = /** @type {any} */ (process.env.FLOW_EMULATOR_PROFILE || 'full'),
	maxPageSize = null,
} = {}) {
	const modules = await loadModules();
	const emulator = new Emulator({
		profile,
		maxPageSize,
		specDir: join(here, 'spec'),
		seed: readSeed(seed, DEFAULT_SEED),
		modules,
		clock,
		dataDir,
		logFile,
		validateResponses,
		config,
		publicUrl,
	});
	await emulator.ready;
	const url = await emulator.listen(port, host);
	return {
		url,
		port: /** @type {number} */ (emulator.port),
		emulator,
		get state() {
			return emulator.state;
		},
		clock: emulator.clock,
		get profile() {
			return emulator.profile;
		},
		/** @param {'full'|'documented'} name @param {{ maxPageSize?: number | null }} [o] */
		setProfile: (name, o) => emulator.setProfile(name, o),
		stop: () => emulator.stop(),
	};
}

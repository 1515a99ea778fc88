#!/usr/bin/env node
// @ts-check
/** `node test/emulator/cli.js --port 4010 [--seed file] [--clock real|fast|manual] [--profile full|documented] [--max-page-size n] [--data-dir dir] [--queued-ms n] [--running-ms n] [--callbacks retry|once]` */
import { start } from './index.js';

const args = process.argv.slice(2);
/** @param {string} name */
const opt = (name) => {
	const i = args.indexOf(`--${name}`);
	if (i >= 0) return args[i + 1];
	const eq = args.find((a) => a.startsWith(`--${name}=`));
	return eq ? eq.slice(name.length + 3) : undefined;
};

if (args.includes('--help') || args.includes('-h')) {
	process.stdout.write('Usage: node test/emulator/cli.js [--port 4010] [--host 127.0.0.1] [--seed file.json] [--clock real|fast|manual] [--profile full|documented] [--max-page-size n] [--data-dir dir] [--queued-ms 2000] [--running-ms 10000] [--callbacks retry|once] [--public-url http://host:port] [--exit-on-stdin-close]\n');
	process.exit(0);
}

const clock = /** @type {any} */ (opt('clock') ?? 'real');
if (!['real', 'fast', 'manual'].includes(clock)) {
	process.stderr.write(`--clock must be real, fast or manual (got ${clock})\n`);
	process.exit(2);
}

// Flag first, then FLOW_EMULATOR_PROFILE, then full.
const profile = opt('profile') ?? (process.env.FLOW_EMULATOR_PROFILE || 'full');
if (!['full', 'documented'].includes(profile)) {
	process.stderr.write(`--profile (or FLOW_EMULATOR_PROFILE) must be full or documented (got ${profile})\n`);
	process.exit(2);
}
const callbacks = opt('callbacks') ?? 'retry';
if (!['retry', 'once'].includes(callbacks)) {
	process.stderr.write(`--callbacks must be retry or once (got ${callbacks})\n`);
	process.exit(2);
}
const maxPageSize = opt('max-page-size');
if (maxPageSize !== undefined && !(Number.isInteger(Number(maxPageSize)) && Number(maxPageSize) >= 1)) {
	process.stderr.write(`--max-page-size must be a whole number >= 1 (got ${maxPageSize})\n`);
	process.exit(2);
}

const emu = await start({
	profile: /** @type {'full'|'documented'} */ (profile),
	maxPageSize: maxPageSize === undefined ? null : Number(maxPageSize),
	port: Number(opt('port') ?? 4010),
	host: opt('host') ?? '127.0.0.1',
	seed: opt('seed'),
	clock,
	dataDir: opt('data-dir'),
	publicUrl: opt('public-url'),
	config: {
		callbacks,
		runDurations: {
			...(opt('queued-ms') !== undefined ? { queuedMs: Number(opt('queued-ms')) } : {}),
			...(opt('running-ms') !== undefined ? { runningMs: Number(opt('running-ms')) } : {}),
		},
	},
});
process.stdout.write(`Flow emulator listening on ${emu.url}\n`);

let stopping = false;
const stop = async () => {
	if (stopping) return;
	stopping = true;
	await emu.stop();
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// For parents that spawn us: stop when they go away (their end of our stdin closes).
if (args.includes('--exit-on-stdin-close')) {
	process.stdin.on('close', stop);
	process.stdin.on('end', stop);
	process.stdin.resume();
}

'use strict';
// Preloaded into the `n8n start` process by `npm run bench -- --trace-n8n` (NODE_OPTIONS=--require):
// logs every garbage collection and the process's memory every 250 ms to <dir>/gc-<pid>.log, and
// CPU-profiles the process into <dir>/cpu-<pid>.cpuprofile (written when n8n exits), with
// <dir>/clock-<pid>.json to map the profile's clock to wall time. `node bench/trace-window.js`
// reads them for one time window (one side of one round; the bench log gives the times).
// Other processes that inherit NODE_OPTIONS (n8n's CLI commands, task runners) are left alone.
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.BENCH_TRACE_DIR;
const isServer = /\bn8n\b/.test(process.argv[1] ?? '') && process.argv.includes('start');
if (dir && isServer) {
	const { PerformanceObserver, performance } = require('node:perf_hooks');
	const inspector = require('node:inspector');
	const file = (name) => path.join(dir, `${name}-${process.pid}`);
	const wall = (ms) => new Date(ms).toISOString().slice(11, 23);
	const origin = Date.now() - performance.now();
	const lines = [];
	const flush = () => lines.length && fs.appendFileSync(`${file('gc')}.log`, `${lines.splice(0).join('\n')}\n`);
	// kind: 1 scavenge (young generation), 4 mark-sweep-compact (whole heap), 8 incremental marking, 16 weak callbacks
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries())
			lines.push(`gc ${wall(origin + entry.startTime)} kind ${entry.detail?.kind} ${entry.duration.toFixed(1)} ms`);
	}).observe({ entryTypes: ['gc'] });
	const MiB = (bytes) => (bytes / 1048576).toFixed(0);
	setInterval(() => {
		const m = process.memoryUsage();
		lines.push(
			`mem ${wall(Date.now())} rss ${MiB(m.rss)} heapUsed ${MiB(m.heapUsed)} external ${MiB(m.external)} arrayBuffers ${MiB(m.arrayBuffers)}`,
		);
		flush();
	}, 250).unref();

	const session = new inspector.Session();
	session.connect();
	session.post('Profiler.enable');
	session.post('Profiler.setSamplingInterval', { interval: 1000 });
	fs.writeFileSync(
		`${file('clock')}.json`,
		JSON.stringify({ wallMs: Date.now(), monoUs: Number(process.hrtime.bigint() / 1000n) }),
	);
	session.post('Profiler.start');
	// The in-process inspector answers synchronously, so this works in an exit handler.
	process.on('exit', () => {
		flush();
		session.post('Profiler.stop', (error, result) => {
			if (!error) fs.writeFileSync(`${file('cpu')}.cpuprofile`, JSON.stringify(result.profile));
		});
	});
}

'use strict';
// Progress lines on stderr, with a timestamp, so stdout stays free for results.

function stamp() {
	return new Date().toISOString().slice(11, 19);
}

function log(message) {
	process.stderr.write(`[${stamp()}] ${message}\n`);
}

/** Time an async step and log how long it took. */
async function step(label, fn) {
	const started = Date.now();
	log(`${label} ...`);
	const result = await fn();
	log(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return result;
}

/** Print a heartbeat every `everyMs` while a long task runs; returns a stop function. */
function heartbeat(label, everyMs, detail) {
	const started = Date.now();
	const timer = setInterval(() => {
		const seconds = Math.round((Date.now() - started) / 1000);
		const extra = detail ? detail() : '';
		log(`${label}: still working, ${seconds} s${extra ? ` (${extra})` : ''}`);
	}, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}

module.exports = { log, step, heartbeat };

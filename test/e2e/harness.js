'use strict';
// A tiny sequential test runner for the e2e suite: each test is an async
// function; a failure is recorded and the suite goes on. No timing asserts.
const { log } = require('../../scripts/lib/log');

function createHarness() {
	const results = [];

	async function test(name, fn) {
		const started = Date.now();
		try {
			await fn();
			results.push({ name, ok: true });
			log(`ok    ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
		} catch (error) {
			results.push({ name, ok: false, error });
			log(`FAIL  ${name}\n${indent(error.stack || String(error))}`);
		}
	}

	/** Record a test that could not run (counted as failed: the suite must not look green). */
	function fail(name, reason) {
		results.push({ name, ok: false, error: new Error(reason) });
		log(`FAIL  ${name}: ${reason}`);
	}

	function summary() {
		const passed = results.filter((r) => r.ok).length;
		const failed = results.length - passed;
		if (failed > 0) {
			process.stdout.write('\nFailed:\n');
			for (const r of results.filter((x) => !x.ok)) process.stdout.write(`  - ${r.name}: ${firstLine(r.error)}\n`);
		}
		process.stdout.write(`\ne2e: ${passed} passed, ${failed} failed\n`);
		return { passed, failed };
	}

	return { test, fail, summary, results };
}

function indent(text) {
	return text
		.split('\n')
		.slice(0, 25)
		.map((l) => `      ${l}`)
		.join('\n');
}

function firstLine(error) {
	return String(error?.message ?? error).split('\n')[0];
}

module.exports = { createHarness };

#!/usr/bin/env node
'use strict';
// End-to-end suite: a real n8n 2.41 with this package installed as a
// community package, against the Flow emulator.
//
//   node test/e2e/run.js [--only smoke,examples,browser,queue] [--skip-build]
//     --skip-build   use the existing dist/ (scripts/test.js builds first); env E2E_SKIP_BUILD=1
//
// The n8n install is cached outside the repository (see scripts/lib/install.js).
// Logs and screenshots: test-results/e2e/. Prints "e2e: N passed, N failed".
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { log } = require('../../scripts/lib/log');
const { REPO } = require('../../scripts/lib/package');
const { stopAll, stopAllOnSignals } = require('../../scripts/lib/processes');
const { startEnvironment } = require('../../scripts/lib/environment');
const { createHarness } = require('./harness');

const SUITES = ['smoke', 'examples', 'browser', 'queue'].filter((s) => fs.existsSync(path.join(__dirname, `${s}.js`)));
const TIME_LIMIT_MS = 14 * 60 * 1000; // the suite must stay well under 15 minutes

function parseArgs(argv) {
	const options = { only: SUITES, skipBuild: process.env.E2E_SKIP_BUILD === '1' };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--only') options.only = argv[++i].split(',');
		else if (argv[i] === '--skip-build') options.skipBuild = true;
		else throw new Error(`unknown option ${argv[i]}`);
	}
	return options;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	stopAllOnSignals();
	const limit = setTimeout(async () => {
		log(`e2e: over the ${TIME_LIMIT_MS / 60000} min limit, stopping`);
		await stopAll();
		process.exit(1);
	}, TIME_LIMIT_MS);
	limit.unref();

	const resultsDir = path.join(REPO, 'test-results', 'e2e');
	fs.rmSync(resultsDir, { recursive: true, force: true });
	fs.mkdirSync(resultsDir, { recursive: true });
	// The n8n user folder lives outside the repo: it holds a copy of package.json
	// that tools scanning the repo (jest's haste map) would trip over.
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-iflow-e2e-'));
	const harness = createHarness();
	const context = { ...harness, options, resultsDir, workDir, skipBuild: options.skipBuild };

	try {
		const regular = SUITES.filter((s) => s !== 'queue' && options.only.includes(s));
		if (regular.length > 0) {
			let env;
			try {
				env = await startEnvironment({
					workDir: path.join(workDir, 'regular'),
					logDir: path.join(resultsDir, 'logs', 'regular'),
					skipBuild: options.skipBuild,
					clock: 'fast',
					workflowDirs: [path.join(REPO, 'examples'), path.join(__dirname, 'workflows')],
				});
			} catch (error) {
				harness.fail('e2e: start n8n with the package and the emulator', error.stack || error.message);
			}
			if (env) {
				for (const suite of regular) await require(`./${suite}`)({ ...context, env });
				await stopAll();
			}
			context.skipBuild = true; // built once is enough
		}
		if (options.only.includes('queue')) await require('./queue')(context);
	} finally {
		await stopAll();
		if (process.env.E2E_KEEP_WORK !== '1') fs.rmSync(workDir, { recursive: true, force: true });
	}
	const { failed } = harness.summary();
	process.exit(failed > 0 ? 1 : 0);
}

main().catch(async (error) => {
	log(`e2e crashed: ${error.stack || error.message}`);
	await stopAll();
	process.stdout.write('\ne2e: 0 passed, 1 failed\n');
	process.exit(1);
});

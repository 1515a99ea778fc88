#!/usr/bin/env node
// `npm test`: every check the project has, in order, on a fresh clone with nothing installed
// first. Stages: install (if needed) → lint → type check → build → script tests (installer) →
// emulator tests → engine tests on n8n 2.x → the engine suite again against the emulator's
// `documented` profile (only what the published API reference has) → engine tests on 1.x →
// end-to-end in a real n8n.
// Ends with one line "N passed, N failed" over all stages.
//   npm test -- --only=engine,unit     run some stages
//   npm test -- --skip=e2e             skip some stages
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const args = process.argv.slice(2);
const listArg = (name) =>
	(args.find((a) => a.startsWith(`--${name}=`)) ?? '').split('=')[1]?.split(',').filter(Boolean) ?? [];
const only = listArg('only');
const skip = listArg('skip');

function run(command, commandArgs, options = {}) {
	const result = spawnSync(command, commandArgs, {
		cwd: root,
		stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
		encoding: 'utf8',
		env: { ...process.env, ...(options.env ?? {}) },
	});
	if (options.capture && result.stdout) process.stdout.write(result.stdout);
	return { ok: result.status === 0, stdout: result.stdout ?? '' };
}

function jestCounts(outputFile) {
	try {
		const report = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
		return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0) };
	} catch {
		return undefined;
	}
}

/** node:test over one folder; counts read from its TAP report. */
function nodeTests(name, dir) {
	const tapFile = path.join(tmp, `${name}.tap`);
	const result = run(process.execPath, [
		'--test',
		'--test-concurrency=1',
		'--test-reporter=spec',
		'--test-reporter-destination=stdout',
		'--test-reporter=tap',
		`--test-reporter-destination=${tapFile}`,
		dir,
	]);
	const tap = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
	const count = (key) => Number((new RegExp(`^# ${key} (\\d+)`, 'm').exec(tap) ?? [])[1] ?? 0);
	return { ...result, passed: count('pass'), failed: count('fail') };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-test-'));
const stages = [
	{
		name: 'install',
		always: true,
		run: () =>
			fs.existsSync(path.join(root, 'node_modules', '.package-lock.json')) ? { ok: true } : run('npm', ['ci']),
	},
	{ name: 'lint', run: () => run(bin('n8n-node'), ['lint']) },
	{ name: 'typecheck', run: () => run(bin('tsc'), ['-p', 'tsconfig.test.json', '--noEmit']) },
	{ name: 'build', run: () => run('npm', ['run', 'build']) },
	{ name: 'scripts', run: () => nodeTests('scripts', 'test/scripts/') },
	{ name: 'emulator', run: () => nodeTests('emulator', 'test/emulator/tests/') },
	{
		name: 'engine',
		run: () => {
			const out = path.join(tmp, 'jest.json');
			const result = run(bin('jest'), ['--json', `--outputFile=${out}`]);
			return { ...result, ...jestCounts(out) };
		},
	},
	{
		// Every operation against a server with only the documented API: the same result, or the
		// clear "not offered" error (tests of our guesses skip themselves, see CONTRIBUTING.md).
		name: 'engine-documented',
		run: () => {
			const out = path.join(tmp, 'jest-documented.json');
			const result = run(bin('jest'), ['test/engine', '--json', `--outputFile=${out}`], {
				env: { FLOW_EMULATOR_PROFILE: 'documented' },
			});
			return { ...result, ...jestCounts(out) };
		},
	},
	{
		name: 'engine-v1',
		run: () => {
			const out = path.join(tmp, 'jest-v1.json');
			const result = run(bin('jest'), ['-c', 'jest.v1.config.js', '--forceExit', '--json', `--outputFile=${out}`]);
			return { ...result, ...jestCounts(out) };
		},
	},
	{
		name: 'e2e',
		run: () => {
			// The build stage already built dist/; e2e then only packs it.
			const built = summary.some((s) => s.stage === 'build' && s.ok);
			const result = run(process.execPath, ['test/e2e/run.js', ...(built ? ['--skip-build'] : [])], { capture: true });
			const match = /(\d+) passed, (\d+) failed\s*$/.exec(result.stdout.trim());
			return { ...result, passed: match ? Number(match[1]) : 0, failed: match ? Number(match[2]) : result.ok ? 0 : 1 };
		},
	},
];

const summary = [];
let totalPassed = 0;
let totalFailed = 0;
for (const stage of stages) {
	if (!stage.always && ((only.length && !only.includes(stage.name)) || skip.includes(stage.name))) continue;
	console.log(`\n=== ${stage.name} ===`);
	const started = Date.now();
	const result = stage.run();
	const passed = result.passed ?? (result.ok ? 1 : 0);
	const failed = result.failed ?? (result.ok ? 0 : 1);
	// A stage that exits non-zero has failed even if its counts say otherwise.
	const stageFailed = !result.ok ? Math.max(failed, 1) : failed;
	totalPassed += passed;
	totalFailed += stageFailed;
	summary.push({
		stage: stage.name,
		ok: result.ok,
		passed,
		failed: stageFailed,
		seconds: Math.round((Date.now() - started) / 1000),
	});
	if (stage.name === 'install' && !result.ok) break;
}
fs.rmSync(tmp, { recursive: true, force: true });

console.log('\n=== summary ===');
for (const s of summary)
	console.log(
		`${s.ok ? 'ok  ' : 'FAIL'} ${s.stage.padEnd(17)} ${String(s.passed).padStart(5)} passed ${String(s.failed).padStart(4)} failed ${String(s.seconds).padStart(5)} s`,
	);
console.log(`${totalPassed} passed, ${totalFailed} failed`);
process.exit(totalFailed > 0 || summary.some((s) => !s.ok) ? 1 : 0);

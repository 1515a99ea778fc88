'use strict';
// The n8n installer under `npm test` / `npm start`: npm passes the project's
// ignore-scripts=true down as npm_config_ignore_scripts, and a nested
// `npm rebuild sqlite3` that inherits it builds nothing. These tests run the
// installer's own code under a real `npm run` and against a fake cache, so no
// full n8n install is needed.
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');
const { cleanNpmEnv } = require('../../scripts/lib/npm-env');

function tmpDir(t) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-install-test-'));
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	return dir;
}

test('under `npm run`, the installer gives its npm children none of the project npm settings', (t) => {
	const dir = tmpDir(t);
	fs.writeFileSync(path.join(dir, '.npmrc'), 'ignore-scripts=true\n');
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: 'probe', private: true, scripts: { probe: 'node probe.js' } }),
	);
	fs.writeFileSync(
		path.join(dir, 'probe.js'),
		`const { spawnSync } = require('node:child_process');
const { node24Env } = require(${JSON.stringify(path.join(REPO, 'scripts/lib/install.js'))});
const env = node24Env(process.execPath.replace(/\\/bin\\/node$/, ''));
const child = spawnSync('npm', ['config', 'get', 'ignore-scripts'], { cwd: require('node:os').tmpdir(), env, encoding: 'utf8' });
console.log(JSON.stringify({
  inherited: process.env.npm_config_ignore_scripts ?? null,
  child: child.stdout.trim(),
  leftover: Object.keys(env).filter((k) => /^npm_/i.test(k)),
  ignoreScripts: env.npm_config_ignore_scripts ?? null,
}));`,
	);
	// Start from a clean environment ourselves: this test may itself run under `npm test`.
	const result = spawnSync('npm', ['run', '--silent', 'probe'], { cwd: dir, env: cleanNpmEnv(), encoding: 'utf8' });
	assert.equal(result.status, 0, result.stderr);
	const probe = JSON.parse(result.stdout.trim().split('\n').pop());
	assert.equal(probe.inherited, 'true', 'npm run exports the project .npmrc to its children (the bug this guards)');
	assert.equal(probe.child, 'false', 'the installer child npm must not skip install scripts');
	assert.equal(probe.ignoreScripts, null);
	assert.deepEqual(
		probe.leftover.filter((k) => !/registry|cache|cafile|proxy|config$/i.test(k)),
		[],
		'only registry access settings pass',
	);
});

/** A cache that says it is complete, but sqlite3 was never compiled (what a skipped build leaves). */
function fakeCache(root, installScript) {
	const nodeDir = path.join(root, 'node-24.22.3');
	fs.mkdirSync(path.join(nodeDir, 'bin'), { recursive: true });
	fs.symlinkSync(process.execPath, path.join(nodeDir, 'bin', 'node'));
	fs.mkdirSync(path.join(nodeDir, 'include', 'node'), { recursive: true });
	fs.writeFileSync(path.join(nodeDir, 'include', 'node', 'node_api.h'), '');
	const n8nDir = path.join(root, 'n8n-2.41.0');
	const n8nBin = path.join(n8nDir, 'node_modules', 'n8n', 'bin');
	fs.mkdirSync(n8nBin, { recursive: true });
	fs.writeFileSync(path.join(n8nBin, 'n8n'), '');
	const sqlite = path.join(n8nDir, 'node_modules', 'sqlite3');
	fs.mkdirSync(sqlite, { recursive: true });
	fs.writeFileSync(
		path.join(sqlite, 'package.json'),
		JSON.stringify({ name: 'sqlite3', version: '5.1.7', main: 'index.js', scripts: { install: installScript } }),
	);
	fs.writeFileSync(path.join(sqlite, 'index.js'), 'module.exports = {};\n');
	fs.writeFileSync(path.join(n8nDir, 'package.json'), '{"name":"n8n-e2e-runtime","private":true}\n');
	fs.writeFileSync(path.join(n8nDir, '.npm-ok'), '');
	fs.writeFileSync(path.join(n8nDir, '.ok'), '');
	return { n8nDir, sqlite };
}

/** Run ensureRuntime() in a child that looks like it runs under `npm test` (npm_config_ignore_scripts=true). */
function ensureRuntimeUnderNpm(cache) {
	const script = `require(${JSON.stringify(path.join(REPO, 'scripts/lib/install.js'))}).ensureRuntime()
  .then(() => console.log('OK'), (e) => { console.log(e.message); process.exit(3); });`;
	return spawnSync(process.execPath, ['-e', script], {
		env: cleanNpmEnv(process.env, {
			N8N_IFLOW_CACHE: cache,
			npm_config_ignore_scripts: 'true',
			npm_lifecycle_event: 'test',
		}),
		encoding: 'utf8',
	});
}

test('a cache marked complete without a compiled sqlite3 is rebuilt, with install scripts on, even under npm', (t) => {
	const root = tmpDir(t);
	const { n8nDir, sqlite } = fakeCache(
		root,
		`node -e "require('fs').mkdirSync('build/Release',{recursive:true});require('fs').writeFileSync('build/Release/node_sqlite3.node','')"`,
	);
	const result = ensureRuntimeUnderNpm(root);
	assert.equal(result.status, 0, result.stdout + result.stderr);
	assert.match(result.stderr, /lacks .*node_sqlite3\.node: repairing it/);
	assert.ok(fs.existsSync(path.join(sqlite, 'build', 'Release', 'node_sqlite3.node')), 'the install script ran');
	assert.ok(fs.existsSync(path.join(n8nDir, '.ok')), 'marked complete again only after the check');
});

test('a build that produces no module fails with the cause, not a bare stack, and the cache stays unmarked', (t) => {
	const root = tmpDir(t);
	const { n8nDir } = fakeCache(root, 'node -e "0"');
	const result = ensureRuntimeUnderNpm(root);
	assert.equal(result.status, 3, result.stdout + result.stderr);
	assert.match(result.stdout, /sqlite3 for n8n was not built/);
	assert.match(result.stdout, /node_sqlite3\.node/);
	assert.match(result.stdout, /the build ran but produced no module/);
	assert.ok(!fs.existsSync(path.join(n8nDir, '.ok')), 'a failed repair is never marked complete');
	assert.ok(fs.existsSync(path.join(n8nDir, '.npm-ok')), 'the npm install itself is kept (only the build is redone)');
});

test('n8nMissing names what a half-finished cache lacks', (t) => {
	const root = tmpDir(t);
	const { n8nMissing, runtimePaths } = require('../../scripts/lib/install');
	const { n8nDir } = fakeCache(root, 'node -e "0"');
	const paths = runtimePaths(root);
	assert.deepEqual(n8nMissing(paths), ['node_modules/sqlite3/build/Release/node_sqlite3.node']);
	fs.rmSync(path.join(n8nDir, 'node_modules', 'n8n'), { recursive: true });
	assert.equal(n8nMissing(paths).length, 2);
});

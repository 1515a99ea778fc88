'use strict';
// The release path, as far as it can be checked without GitHub: both workflows parse and do
// what CONTRIBUTING says, every command they run exists here, the publish guard refuses a
// publish from outside CI, and the tarball holds only what n8n loads (needs `npm run build`,
// which `npm test` runs before this stage).
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { checkTarball, checkDist, packedFiles } = require('../../scripts/lib/tarball');
const { cleanNpmEnv } = require('../../scripts/lib/npm-env');

const ROOT = path.resolve(__dirname, '..', '..');
const workflow = (name) => YAML.parse(fs.readFileSync(path.join(ROOT, '.github', 'workflows', name), 'utf8'));
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const runs = (job) => job.steps.filter((step) => step.run).map((step) => step.run);

test('ci.yml runs the README test command on push and pull requests', () => {
	const ci = workflow('ci.yml');
	assert.ok(ci.on.push && 'pull_request' in ci.on);
	assert.deepEqual(runs(ci.jobs.test), ['npm test']);
	assert.ok(ci.jobs.test['timeout-minutes'] <= 90);
});

test('publish.yml publishes with provenance on a version tag, after the tests, with an OIDC token', () => {
	const publish = workflow('publish.yml');
	assert.deepEqual(publish.on.push.tags, ['v*.*.*']);
	assert.deepEqual(publish.jobs.publish.needs, 'test');
	assert.equal(publish.jobs.publish.permissions['id-token'], 'write');
	assert.deepEqual(runs(publish.jobs.test), ['npm test']);
	const commands = runs(publish.jobs.publish);
	assert.ok(commands.includes('npm publish --provenance --access public'));
	for (const command of commands) {
		const script = /^npm run (\S+)/.exec(command)?.[1];
		if (script) assert.ok(manifest.scripts[script], `npm run ${script} exists`);
	}
	// The version check step works on this checkout.
	const check = commands.find((c) => c.includes('GITHUB_REF_NAME'));
	const result = spawnSync('sh', ['-c', check], {
		cwd: ROOT,
		env: { ...process.env, GITHUB_REF_NAME: `v${manifest.version}` },
	});
	assert.equal(result.status, 0);
	const wrong = spawnSync('sh', ['-c', check], { cwd: ROOT, env: { ...process.env, GITHUB_REF_NAME: 'v0.0.0-nope' } });
	assert.notEqual(wrong.status, 0);
});

test('the publish guard refuses outside the release workflow and without provenance', () => {
	assert.equal(manifest.scripts.prepublishOnly, 'node scripts/prepublish.js');
	const env = cleanNpmEnv(process.env, { CI: '', GITHUB_ACTIONS: '' });
	const result = spawnSync(process.execPath, ['scripts/prepublish.js'], { cwd: ROOT, env, encoding: 'utf8' });
	assert.equal(result.status, 1);
	assert.match(result.stderr, /publish only from the release workflow/);
	assert.match(result.stderr, /--provenance/);
});

test('the tarball holds only what n8n loads: compiled nodes, codex JSON, icons, docs', () => {
	assert.deepEqual(checkDist(ROOT), []);
	assert.deepEqual(checkTarball(ROOT), []);
	const files = packedFiles(ROOT);
	for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) assert.ok(files.includes(file), file);
	assert.ok(files.includes('dist/icons/iflow.svg'));
	assert.ok(!files.some((f) => f.endsWith('.map') || f.endsWith('.d.ts') || f === 'dist/package.json'));
});

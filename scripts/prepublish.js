#!/usr/bin/env node
'use strict';
// `prepublishOnly`: refuse a publish that n8n would not verify or that ships the wrong files.
//  - only from the release workflow (GitHub Actions, with provenance), never from a laptop;
//  - from a clean checkout, with dist/ built from it;
//  - the tarball holds only what n8n loads (see scripts/lib/tarball.js).
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { checkDist, checkTarball } = require('./lib/tarball');

const root = path.resolve(__dirname, '..');
const problems = [];
if (process.env.GITHUB_ACTIONS !== 'true' || process.env.CI !== 'true')
	problems.push('publish only from the release workflow (.github/workflows/publish.yml): n8n requires npm provenance');
if (process.env.npm_config_provenance !== 'true') problems.push('publish with --provenance');
const status = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
if (status.status !== 0 || status.stdout.trim()) problems.push('the checkout is not clean (git status)');
problems.push(...checkDist(root), ...checkTarball(root));
if (problems.length) {
	console.error(`Refusing to publish:\n- ${problems.join('\n- ')}`);
	process.exit(1);
}

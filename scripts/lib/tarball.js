'use strict';
// What the published package holds: the compiled nodes and credential, their codex JSON and
// icons, plus package.json, README, LICENSE and CHANGELOG. No source maps (they would point at
// sources that are not shipped), no type declarations (nothing imports this package), and no
// dist/package.json.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ALLOWED = [
	/^package\.json$/,
	/^(README|LICENSE|CHANGELOG)\.md$/,
	/^dist\/.+\.(js|svg)$/,
	/^dist\/nodes\/.+\.node\.json$/,
];

/** Files `npm pack` would ship. */
function packedFiles(root) {
	const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`npm pack --dry-run failed: ${result.stderr}`);
	return JSON.parse(result.stdout.slice(result.stdout.indexOf('[')))[0].files.map((f) => f.path);
}

/** Problems with the tarball's contents (empty when fine). */
function checkTarball(root) {
	const files = packedFiles(root);
	const stray = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
	return stray.length ? [`the tarball would ship files n8n does not load: ${stray.slice(0, 10).join(', ')}`] : [];
}

function newestMtime(dir, filter) {
	let newest = 0;
	if (!fs.existsSync(dir)) return newest;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile() || !filter(entry.name)) continue;
		newest = Math.max(newest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
	}
	return newest;
}

/** Problems with dist/: missing entries named in package.json, or older than the sources. */
function checkDist(root) {
	const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const listed = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	const missing = listed.filter((file) => !fs.existsSync(path.join(root, file)));
	if (missing.length) return [`dist/ is not built (missing ${missing.join(', ')}): npm run build`];
	const sources = Math.max(
		newestMtime(path.join(root, 'nodes'), (name) => /\.(ts|json)$/.test(name)),
		newestMtime(path.join(root, 'credentials'), (name) => name.endsWith('.ts')),
	);
	const built = newestMtime(path.join(root, 'dist'), (name) => name.endsWith('.js'));
	return sources > built ? ['dist/ is older than the sources: npm run build'] : [];
}

module.exports = { checkTarball, checkDist, packedFiles, ALLOWED };

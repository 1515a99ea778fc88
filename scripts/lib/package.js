'use strict';
// Build this package, pack it, and install the tarball into an n8n user folder
// the way n8n's own community-package installer does
// (CommunityPackagesService.downloadPackage): unpack into
// <user>/.n8n/nodes/node_modules/<name>, drop dev/peer/optional dependencies,
// record it in <user>/.n8n/nodes/package.json. n8n scans that folder for
// n8n-nodes-* packages on start, and so do `n8n execute` and `n8n worker`.
const fs = require('node:fs');
const path = require('node:path');
const { runChecked } = require('./processes');

const REPO = path.resolve(__dirname, '..', '..');

async function build({ logFile } = {}) {
	await runChecked('npm', ['run', 'build'], { cwd: REPO, logFile });
}

/** `npm pack` into `destDir`; returns the tarball path. */
async function pack(destDir, { logFile } = {}) {
	fs.mkdirSync(destDir, { recursive: true });
	const result = await runChecked('npm', ['pack', '--json', '--pack-destination', destDir], { cwd: REPO, logFile });
	const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
	return path.join(destDir, info.filename);
}

function readJson(file, fallback) {
	return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : fallback;
}

/** Install a packed tarball into `<userFolder>/.n8n/nodes`; returns { name, version, dir }. */
async function installTarball(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const staging = path.join(nodesDir, '.unpack');
	fs.rmSync(staging, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	await runChecked('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1']);

	const manifestFile = path.join(staging, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = readJson(manifestFile);
	const missing = dropMissingFiles(manifest, staging);
	fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
	if (Object.keys(manifest.dependencies ?? {}).length > 0) {
		throw new Error(
			'the package has runtime dependencies; n8n community nodes must not (install them here if that changes)',
		);
	}

	const dir = path.join(nodesDir, 'node_modules', manifest.name);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	fs.renameSync(staging, dir);

	const nodesManifestFile = path.join(nodesDir, 'package.json');
	const nodesManifest = readJson(nodesManifestFile, { name: 'installed-nodes', private: true });
	nodesManifest.dependencies = { ...nodesManifest.dependencies, [manifest.name]: manifest.version };
	fs.writeFileSync(nodesManifestFile, `${JSON.stringify(nodesManifest, null, 2)}\n`);
	return { name: manifest.name, version: manifest.version, dir, manifest, missing };
}

/**
 * n8n refuses the whole package when one listed file is missing. While nodes
 * are still being written, leave those out (and say so) so the rest loads;
 * the e2e smoke test still fails for every node package.json lists but n8n lacks.
 */
function dropMissingFiles(manifest, root) {
	const missing = [];
	for (const key of ['nodes', 'credentials']) {
		const files = manifest.n8n?.[key] ?? [];
		manifest.n8n[key] = files.filter((file) => fs.existsSync(path.join(root, file)) || !missing.push(file));
	}
	return missing;
}

module.exports = { REPO, build, pack, installTarball };

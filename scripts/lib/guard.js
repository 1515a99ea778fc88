'use strict';
// Runs one child process and kills its whole process group when the parent
// goes away, however it goes away (Ctrl-C, crash, SIGKILL): the parent holds
// our stdin open, so EOF on stdin means "parent gone".
//   node guard.js [--uid N --gid N] <command> [args...]
//   --uid/--gid run the command as that user (PostgreSQL refuses to run as root); the guard
//   itself stays root so it can still stop it.
const { spawn } = require('node:child_process');

let argv = process.argv.slice(2);
const ids = {};
while (argv[0] === '--uid' || argv[0] === '--gid') {
	ids[argv[0].slice(2)] = Number(argv[1]);
	argv = argv.slice(2);
}
const [command, ...args] = argv;
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true, ...ids });

let stopping = false;
function stop() {
	if (stopping) return;
	stopping = true;
	try {
		process.kill(-child.pid, 'SIGTERM');
	} catch {
		process.exit(0);
	}
	// n8n shuts down gracefully within a few seconds; force it after 15 s.
	setTimeout(() => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {}
		process.exit(0);
	}, 15000).unref();
}

child.on('exit', (code, signal) => {
	// Kill stragglers in the group (e.g. n8n's task runner), then report.
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {}
	process.exit(code ?? (signal ? 1 : 0));
});
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

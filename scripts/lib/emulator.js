'use strict';
// The Flow emulator as a background process: `node test/emulator/cli.js`,
// whose first stdout line is "Flow emulator listening on http://127.0.0.1:<port>".
const fs = require('node:fs');
const path = require('node:path');
const { REPO } = require('./package');
const { startProcess } = require('./processes');

// FLOW_EMULATOR_CLI: run another emulator build (debugging the harness itself).
const CLI = process.env.FLOW_EMULATOR_CLI || path.join(REPO, 'test', 'emulator', 'cli.js');

/** Start the emulator; resolves { url, proc, requests(), clearRequests(), control() }. */
async function startEmulator({ port = 0, clock, seed, logFile, extraArgs = [] }) {
	const args = [
		CLI,
		'--port',
		String(port),
		...(clock ? ['--clock', clock] : []),
		...(seed ? ['--seed', seed] : []),
		...extraArgs,
	];
	const proc = startProcess('Flow emulator', process.execPath, args, { cwd: REPO, logFile, pipeStdout: true });
	const url = await new Promise((resolve, reject) => {
		let buffer = '';
		const onData = (chunk) => {
			fs.appendFileSync(logFile, chunk);
			if (buffer === null) return;
			buffer += chunk.toString();
			const match = buffer.match(/listening on (http:\/\/\S+)/);
			if (match) {
				buffer = null;
				resolve(match[1].replace(/\/+$/, ''));
			}
		};
		proc.child.stdout.on('data', onData);
		proc.exited.then((code) => reject(new Error(`the emulator exited with ${code} before listening; see ${logFile}`)));
	});
	return { url, proc, ...controlClient(url) };
}

/** Helpers for the emulator's control API (/_emulator/...). */
function controlClient(url) {
	async function control(method, route, body) {
		const response = await fetch(`${url}/_emulator/${route}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`emulator ${method} /_emulator/${route} -> ${response.status}: ${text}`);
		return text ? JSON.parse(text) : undefined;
	}
	return {
		control,
		requests: () => control('GET', 'requests'),
		clearRequests: () => control('DELETE', 'requests'),
		state: () => control('GET', 'state'),
		reset: (seed) => control('POST', 'reset', seed),
	};
}

module.exports = { startEmulator, controlClient };

'use strict';
// Redis for n8n queue mode: Debian's redis-server on a free loopback port,
// in memory only (no RDB/AOF files).
const net = require('node:net');
const { ensureDebianPackage } = require('./debian');
const { freePort, waitFor } = require('./n8n');
const { startProcess } = require('./processes');

function ping(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.setTimeout(1000);
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.on('error', () => resolve(false));
		socket.on('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

/** Start redis-server; resolves { port, proc }. */
async function startRedis({ logFile }) {
	const binary = await ensureDebianPackage('redis-server', 'redis-server');
	const port = await freePort();
	const proc = startProcess(
		'redis',
		binary,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{
			logFile,
		},
	);
	await waitFor('redis PONG', 15000, async () => {
		if (proc.hasExited()) throw new Error(`redis-server exited; see ${logFile}`);
		return ping(port);
	});
	return { port, proc };
}

module.exports = { startRedis };

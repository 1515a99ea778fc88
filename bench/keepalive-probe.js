#!/usr/bin/env node
// Probe (bench/README.md, "Connection reuse"): can a node make n8n-core's
// httpRequestWithAuthentication reuse connections by passing `agentOptions: { keepAlive: true }`?
// A throw-away node makes 10 sequential calls through the real n8n-core 2.x engine to a local
// server that counts TCP connections, without and with the option.
//
//   npm run build && node bench/keepalive-probe.js
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

// n8n-core reads these when first used: set them before anything loads it.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-keepalive-probe-'));
process.env.N8N_USER_FOLDER = workDir;
process.env.N8N_LOG_LEVEL = 'silent';

const { IFlowApi } = require('../dist/credentials/IFlowApi.credentials.js');
const { configure, runNode } = require('../test/helpers/engine');

configure({ credentialType: new IFlowApi() });
const CALLS = 10;

function probeNode(url, agentOptions) {
	return {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Probe' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'iFlowApi', required: true }],
			properties: [],
		},
		async execute() {
			for (let i = 0; i < CALLS; i++)
				await this.helpers.httpRequestWithAuthentication.call(this, 'iFlowApi', { url, json: true, agentOptions });
			return [[{ json: {} }]];
		},
	};
}

async function main() {
	const sockets = new Set();
	const connectionHeaders = new Set();
	const server = http.createServer((req, res) => {
		connectionHeaders.add(req.headers.connection);
		res.setHeader('content-type', 'application/json');
		res.end('{"ok":true}');
	});
	server.on('connection', (socket) => sockets.add(socket));
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}/probe`;
	const credentials = { environment: 'custom', baseUrlTemplate: url, accessToken: 'probe', projectId: '' };
	try {
		for (const agentOptions of [undefined, { keepAlive: true }]) {
			sockets.clear();
			connectionHeaders.clear();
			const result = await runNode({ node: probeNode(url, agentOptions), parameters: {}, credentials });
			if (result.status !== 'success') throw new Error(result.error?.message);
			await new Promise((resolve) => setTimeout(resolve, 500));
			const idle = [...sockets].filter((s) => !s.destroyed).length;
			console.log(
				`agentOptions ${JSON.stringify(agentOptions ?? null)}: ${CALLS} calls, ${sockets.size} TCP connections, ` +
					`Connection: ${[...connectionHeaders].join(', ')}, ${idle} still open 0.5 s later`,
			);
		}
	} finally {
		server.closeAllConnections();
		server.close();
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);

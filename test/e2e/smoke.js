'use strict';
// Needs no node of ours: the package loads in n8n, the credential's test
// request passes, and n8n's own HTTP Request node can use the credential.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { REPO } = require('../../scripts/lib/package');
const { nodeItems, packageLoadError } = require('../../scripts/lib/n8n');
const { emulatorCredential } = require('../../scripts/lib/credential');

const PACKAGE = 'n8n-nodes-iflow';

function expectedNodeTypes() {
	// Type names are "<package>.<description.name>"; the compiled node files are
	// listed in package.json and named <Class>.node.js with name = lower-camel class.
	const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
	return manifest.n8n.nodes.map((file) => {
		const cls = path.basename(file, '.node.js');
		return `${PACKAGE}.${cls.charAt(0).toLowerCase()}${cls.slice(1)}`;
	});
}

/** Requests the emulator logged since the last clear, matching `filter`. */
async function loggedRequests(env, filter = () => true) {
	return (await env.emulator.requests()).filter(filter);
}

module.exports = async function smoke({ test, env }) {
	await test('smoke: n8n loads the community package (node types and the credential type)', async () => {
		const loadError = packageLoadError(env.server.logFile);
		assert.ok(!loadError, `n8n could not load the package: ${loadError}`);
		const nodes = await env.client.get('/types/nodes.json');
		const ours = nodes.filter((n) => n.name.startsWith(`${PACKAGE}.`)).map((n) => n.name);
		for (const type of expectedNodeTypes())
			assert.ok(ours.includes(type), `node type ${type} is listed (ours: ${ours.join(', ') || 'none'})`);
		for (const node of nodes.filter((n) => n.name.startsWith(`${PACKAGE}.`))) {
			assert.ok(node.iconUrl || node.icon, `${node.name} has an icon`);
		}
		const credentials = await env.client.get('/types/credentials.json');
		const credential = credentials.find((c) => c.name === 'iFlowApi');
		assert.ok(credential, 'credential type iFlowApi is listed');
		assert.equal(credential.displayName, 'iFlow API');
	});

	await test('smoke: the credential test request succeeds against the emulator (POST /rest/credentials/test)', async () => {
		await env.emulator.clearRequests();
		const credential = emulatorCredential(env.emulator.url);
		const result = await env.client.rest('POST', '/credentials/test', { credentials: credential });
		assert.equal(result.data.status, 'OK', JSON.stringify(result.data));
		const calls = await loggedRequests(env, (r) => r.service === 'admin');
		assert.ok(calls.length >= 1, 'the test request reached the emulator');
		assert.equal(calls.at(-1).headers.authorization, 'Bearer <admin>');
	});

	await test('smoke: the credential test reports a rejected token', async () => {
		const credential = emulatorCredential(env.emulator.url);
		credential.data.accessToken = 'flow-expired-token';
		const result = await env.client.rest('POST', '/credentials/test', { credentials: credential });
		assert.notEqual(result.data.status, 'OK', JSON.stringify(result.data));
		assert.ok(!JSON.stringify(result).includes('flow-expired-token'), 'the token is not echoed back');
	});

	await test('smoke: the HTTP Request node with the iFlowApi predefined credential reaches the emulator with the bearer token', async () => {
		await env.emulator.clearRequests();
		const { ok, run } = await env.n8n.execute('e2eHttpRequestCred');
		assert.ok(ok, `execution succeeded: ${JSON.stringify(run.data?.resultData?.error ?? {}).slice(0, 500)}`);
		const items = nodeItems(run, 'List projects');
		assert.ok(items.length >= 1, 'the node returned the project list');
		const calls = await loggedRequests(env, (r) => r.service === 'admin' && r.path === '/api/v1/projects');
		assert.equal(calls.length, 1, 'one request to /admin/api/v1/projects');
		assert.equal(calls[0].headers.authorization, 'Bearer <admin>');
	});
};

#!/usr/bin/env node
'use strict';
// The limit any node can reach for a file transfer: ask Flow for a signed URL, then a plain
// node:http stream piped from/to a file (no n8n, no axios, no binary-data service).
//   node bench/raw/transfer.js '{"direction":"upload","filesApi":"http://…/files/api/v1","token":"…","project":"…","path":"bench/x.bin","file":"/tmp/x.bin"}'
// direction "download" writes the object at `path` to `file`. Prints {"seconds":…,"bytes":…};
// the time covers both steps, as it does for the nodes. The signed URL is never printed.
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const { pipeline } = require('node:stream/promises');

const {
	direction,
	filesApi,
	token,
	project,
	path,
	file,
	contentType = 'application/octet-stream',
} = JSON.parse(process.argv[2]);
const auth = { authorization: `Bearer ${token}`, 'x-project-id': project, accept: 'application/json' };

async function signedUrl() {
	const response =
		direction === 'upload'
			? await fetch(`${filesApi}/files/upload-url`, {
					method: 'POST',
					headers: { ...auth, 'content-type': 'application/json' },
					body: JSON.stringify({ path, content_type: contentType }),
				})
			: await fetch(`${filesApi}/files/download-url?path=${encodeURIComponent(path)}`, { headers: auth });
	if (!response.ok) throw new Error(`signed ${direction} URL -> ${response.status}`);
	return (await response.json()).url;
}

/** One request; resolves the response once its headers arrive (body not read yet). */
function request(url, options, body) {
	const client = url.startsWith('https:') ? https : http;
	return new Promise((resolve, reject) => {
		const req = client.request(url, options, resolve);
		req.on('error', reject);
		if (body) pipeline(body, req).catch(reject);
		else req.end();
	});
}

async function upload(url) {
	const bytes = fs.statSync(file).size;
	const response = await request(
		url,
		{ method: 'PUT', headers: { 'content-type': contentType, 'content-length': bytes } },
		fs.createReadStream(file),
	);
	response.resume();
	await new Promise((resolve) => response.on('end', resolve));
	if (response.statusCode >= 300) throw new Error(`signed PUT -> ${response.statusCode}`);
	return bytes;
}

async function download(url) {
	const response = await request(url, { method: 'GET' });
	if (response.statusCode >= 300) throw new Error(`signed GET -> ${response.statusCode}`);
	await pipeline(response, fs.createWriteStream(file));
	return fs.statSync(file).size;
}

async function main() {
	// Untimed: load fetch and open the connection, as in any script that has been running a while.
	await (await fetch(`${filesApi}/files?limit=1`, { headers: auth })).arrayBuffer();
	const started = performance.now();
	const url = await signedUrl();
	const bytes = direction === 'upload' ? await upload(url) : await download(url);
	process.stdout.write(`${JSON.stringify({ seconds: (performance.now() - started) / 1000, bytes })}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});

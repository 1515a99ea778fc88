#!/usr/bin/env node
'use strict';
// Raw baseline for Create Sample: a sequential `fetch` loop, nothing else (no n8n).
//   node bench/raw/create.js '{"url":"http://127.0.0.1:4010/miner/api/v1/samples","token":"…","project":"…","prefix":"SAM-r1-raw","count":1000}'
// Sends the same bodies as the n8n sides (bench/lib/seed.js). Prints {"seconds":…,"count":…};
// the time covers the loop only, not Node's start-up.
const { displayIds, sampleBody } = require('../lib/seed');

const { url, token, project, prefix, count: total } = JSON.parse(process.argv[2]);
const bodies = displayIds(prefix, total).map(sampleBody);
const headers = {
	authorization: `Bearer ${token}`,
	'x-project-id': project,
	'content-type': 'application/json',
	accept: 'application/json',
};

async function main() {
	// Untimed: load fetch and open the connection, as in any script that has been running a while.
	await (await fetch(`${url}?limit=1`, { headers })).arrayBuffer();
	const started = performance.now();
	let count = 0;
	for (const body of bodies) {
		const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
		if (!response.ok) throw new Error(`POST ${new URL(url).pathname} -> ${response.status} ${await response.text()}`);
		await response.json();
		count++;
	}
	process.stdout.write(`${JSON.stringify({ seconds: (performance.now() - started) / 1000, count })}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});

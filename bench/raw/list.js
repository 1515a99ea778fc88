#!/usr/bin/env node
'use strict';
// Raw baseline for Get Many (Return All): a sequential limit/offset `fetch` loop with the node's
// page size, stopping at the first short page (no n8n).
//   node bench/raw/list.js '{"url":"http://127.0.0.1:4010/miner/api/v1/samples","token":"…","project":"…","pageSize":100}'
// Prints {"seconds":…,"count":…}.
const { url, token, project, pageSize } = JSON.parse(process.argv[2]);
const headers = { authorization: `Bearer ${token}`, 'x-project-id': project, accept: 'application/json' };

async function main() {
	// Untimed: load fetch and open the connection, as in any script that has been running a while.
	await (await fetch(`${url}?limit=1`, { headers })).arrayBuffer();
	const started = performance.now();
	const all = [];
	for (let offset = 0; ; offset += pageSize) {
		const response = await fetch(`${url}?limit=${pageSize}&offset=${offset}`, { headers });
		if (!response.ok) throw new Error(`GET ${new URL(url).pathname} -> ${response.status}`);
		const page = await response.json();
		all.push(...page);
		if (page.length < pageSize) break;
	}
	process.stdout.write(`${JSON.stringify({ seconds: (performance.now() - started) / 1000, count: all.length })}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});

#!/usr/bin/env node
'use strict';
// Where the n8n process spent one time window of a `npm run bench -- --trace-n8n` run:
// garbage collections by kind (count, pause), and from the CPU profile the share of samples
// that were garbage collection, idle, or which functions (own time), and how much of it ran
// under a given file (our nodes, n8n-core's binary data, axios).
//   node bench/trace-window.js <trace dir> <from HH:MM:SS.s> <to HH:MM:SS.s> [--top 25]
// Times are UTC, as in the bench log; a side's window is [its end − its seconds, its end].
const fs = require('node:fs');
const path = require('node:path');

const [dir, from, to] = process.argv.slice(2);
const topIndex = process.argv.indexOf('--top');
const TOP = topIndex === -1 ? 25 : Number(process.argv[topIndex + 1]);
if (!dir || !from || !to) {
	console.error('usage: node bench/trace-window.js <trace dir> <from HH:MM:SS.s> <to HH:MM:SS.s> [--top N]');
	process.exit(1);
}
const find = (prefix) => fs.readdirSync(dir).find((name) => name.startsWith(prefix));
const GC_KINDS = { 1: 'scavenge', 4: 'mark-sweep-compact', 8: 'incremental marking', 16: 'weak callbacks' };

const gcFile = find('gc-');
if (gcFile) {
	const byKind = {};
	for (const line of fs.readFileSync(path.join(dir, gcFile), 'utf8').split('\n')) {
		const match = /^gc (\S+) kind (\d+) ([\d.]+) ms/.exec(line);
		if (!match || match[1] < from || match[1] > to) continue;
		const kind = (byKind[GC_KINDS[match[2]] ?? match[2]] ??= { count: 0, ms: 0 });
		kind.count++;
		kind.ms += Number(match[3]);
	}
	console.log(`garbage collections ${from}–${to} (pauses on the main thread):`);
	for (const [kind, { count, ms }] of Object.entries(byKind)) console.log(`  ${kind}: ${count}, ${ms.toFixed(0)} ms`);
}

const profileFile = find('cpu-');
const clockFile = find('clock-');
if (profileFile && clockFile) {
	const profile = JSON.parse(fs.readFileSync(path.join(dir, profileFile), 'utf8'));
	const clock = JSON.parse(fs.readFileSync(path.join(dir, clockFile), 'utf8'));
	const day = new Date(clock.wallMs);
	const mono = (hms) => {
		const [h, m, s] = hms.split(':');
		const at = new Date(day);
		at.setUTCHours(Number(h), Number(m), 0, 0);
		return (at.getTime() + Number(s) * 1000 - clock.wallMs) * 1000 + clock.monoUs;
	};
	const [start, end] = [mono(from), mono(to)];
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	const parents = new Map();
	for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
	const label = ({ callFrame: f }) =>
		`${f.functionName || '(anonymous)'} ${f.url
			.replace(/.*node_modules\//, '')
			.split('/')
			.slice(-3)
			.join('/')}:${f.lineNumber + 1}`;
	const own = {};
	const under = { 'n8n-nodes-iflow': 0, 'n8n-core binary data': 0, 'blob-storage': 0, axios: 0 };
	const matchers = {
		'n8n-nodes-iflow': /n8n-nodes-iflow/,
		'n8n-core binary data': /n8n-core\/dist\/binary-data|binary-helper-functions/,
		'blob-storage': /@n8n\/blob-storage/,
		axios: /\/axios\//,
	};
	let total = 0;
	let time = profile.startTime;
	profile.samples.forEach((id, index) => {
		time += profile.timeDeltas[index];
		if (time < start || time > end) return;
		const delta = profile.timeDeltas[index];
		total += delta;
		const name = label(nodes.get(id));
		own[name] = (own[name] ?? 0) + delta;
		const urls = [];
		for (let at = id; at !== undefined; at = parents.get(at)) urls.push(nodes.get(at).callFrame.url);
		for (const [key, pattern] of Object.entries(matchers))
			if (urls.some((url) => pattern.test(url))) under[key] += delta;
	});
	const ms = (us) => `${(us / 1000).toFixed(0)} ms`;
	const pct = (us) => `${((100 * us) / Math.max(total, 1)).toFixed(0)} %`;
	console.log(`CPU profile of the main thread, ${ms(total)} sampled:`);
	console.log('  time with these on the stack:');
	for (const [key, us] of Object.entries(under)) console.log(`    ${key}: ${ms(us)} (${pct(us)})`);
	console.log(`  own time, top ${TOP}:`);
	for (const [name, us] of Object.entries(own)
		.sort((a, b) => b[1] - a[1])
		.slice(0, TOP))
		console.log(`    ${pct(us).padStart(5)} ${ms(us).padStart(9)}  ${name}`);
}

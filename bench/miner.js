#!/usr/bin/env node
// Benchmark: the compiled iFlow Miner node (real n8n-core engine) against a raw sequential fetch
// loop making the same calls to the same emulator in the same run.
//
//  1. Create Sample × N (default 1,000) in one engine execution — one after another, and with the
//     node's Batching › Items in Parallel option — vs N sequential fetch POSTs. Goal ≤ 2.4×.
//  2. Get Many (Return All) over M samples (default 10,000) vs a raw limit/offset loop with the
//     same page size. Goal ≤ 1.2×; peak heap and RSS growth of this process for both.
//
//   npm run build && node --expose-gc bench/miner.js [--items 1000] [--samples 10000] [--rounds 3] [--list-rounds 9] [--concurrency 8]
//
// Prints a table and writes bench/results/miner-<time>.json.
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const { numberOption } = require('./lib/options');

const ROOT = path.resolve(__dirname, '..');

const ITEMS = numberOption('items', 1000);
const SAMPLES = numberOption('samples', 10000);
const ROUNDS = Math.max(1, numberOption('rounds', 3));
const LIST_ROUNDS = Math.max(1, numberOption('list-rounds', 9)); // a list run is short: more rounds, steadier median
const CONCURRENCY = numberOption('concurrency', 8);
const PAGE_SIZE = 100; // the node's page size: the raw loop pages the same way

// n8n-core reads these when first used: set them before anything loads it.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-bench-miner-'));
process.env.N8N_USER_FOLDER = workDir;
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

const dist = (file) => path.join(ROOT, 'dist', file);
if (!fs.existsSync(dist('nodes/IFlowMiner/IFlowMiner.node.js'))) {
	console.error('dist/ has no iFlow Miner node: run `npm run build` first.');
	process.exit(1);
}
const { IFlowMiner } = require(dist('nodes/IFlowMiner/IFlowMiner.node.js'));
const { IFlowApi } = require(dist('credentials/IFlowApi.credentials.js'));
const { configure, runNode } = require('../test/helpers/engine');
const { startEmulator, PROJECT_A, TOKENS } = require('../test/helpers/emulator');
const { SUBJECT_ID, subjectSeed, sampleSeed, sampleBody: benchSampleBody } = require('./lib/seed');

configure({ credentialType: new IFlowApi() });
const node = new IFlowMiner();

const now = () => process.hrtime.bigint();
const seconds = (start) => Number(now() - start) / 1e9;
const MiB = 1024 * 1024;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const gc = () => global.gc?.();

/** Peak heapUsed / RSS above the start while `fn` runs (sampled every 10 ms). */
async function measure(fn) {
	gc();
	const base = process.memoryUsage();
	let peakHeap = base.heapUsed;
	let peakRss = base.rss;
	const timer = setInterval(() => {
		const m = process.memoryUsage();
		peakHeap = Math.max(peakHeap, m.heapUsed);
		peakRss = Math.max(peakRss, m.rss);
	}, 10);
	const start = now();
	const cpuStart = process.cpuUsage();
	try {
		const result = await fn();
		const cpu = process.cpuUsage(cpuStart);
		return {
			result,
			seconds: seconds(start),
			cpu: (cpu.user + cpu.system) / 1e6,
			heapMiB: (peakHeap - base.heapUsed) / MiB,
			rssMiB: (peakRss - base.rss) / MiB,
		};
	} finally {
		clearInterval(timer);
	}
}

const sampleBody = (i) => benchSampleBody(`SAM-${i}`);

async function rawCreate(emu, count) {
	const headers = {
		authorization: `Bearer ${TOKENS.admin}`,
		'x-project-id': PROJECT_A,
		'content-type': 'application/json',
		accept: 'application/json',
	};
	const out = [];
	for (let i = 0; i < count; i++) {
		const response = await fetch(`${emu.url}/miner/api/v1/samples`, {
			method: 'POST',
			headers,
			body: JSON.stringify(sampleBody(i)),
		});
		if (!response.ok) throw new Error(`raw create ${i}: ${response.status} ${await response.text()}`);
		out.push(await response.json());
	}
	return out;
}

/** The strictest baseline: node:http with a keep-alive agent (no fetch machinery). */
async function rawHttpCreate(emu, count) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const url = `${emu.url}/miner/api/v1/samples`;
	const out = [];
	try {
		for (let i = 0; i < count; i++) {
			const body = JSON.stringify(sampleBody(i));
			const text = await new Promise((resolve, reject) => {
				const request = http.request(
					url,
					{
						method: 'POST',
						agent,
						headers: {
							authorization: `Bearer ${TOKENS.admin}`,
							'x-project-id': PROJECT_A,
							'content-type': 'application/json',
							accept: 'application/json',
							'content-length': Buffer.byteLength(body),
						},
					},
					(response) => {
						let data = '';
						response.setEncoding('utf8');
						response.on('data', (chunk) => (data += chunk));
						response.on('end', () =>
							response.statusCode < 300 ? resolve(data) : reject(new Error(`raw http ${response.statusCode}`)),
						);
					},
				);
				request.on('error', reject);
				request.end(body);
			});
			out.push(JSON.parse(text));
		}
	} finally {
		agent.destroy();
	}
	return out;
}

async function nodeCreate(emu, count, concurrency) {
	const items = Array.from({ length: count }, (_, i) => ({ i }));
	const result = await runNode({
		node,
		parameters: {
			resource: 'sample',
			operation: 'create',
			subjectId: { __rl: true, mode: 'id', value: SUBJECT_ID },
			displayId: '=SAM-{{ $json.i }}',
			additionalFields: { sampleType: 'germline', collectionDate: '2026-01-15' },
			batching: { concurrency },
		},
		items,
		credentials: emu.credentials(),
	});
	if (result.status !== 'success' || result.output.length !== count) {
		throw new Error(`node create failed: ${result.error?.message ?? result.output.length}`);
	}
	return result.output;
}

async function rawList(emu) {
	const headers = { authorization: `Bearer ${TOKENS.admin}`, 'x-project-id': PROJECT_A, accept: 'application/json' };
	const all = [];
	for (let offset = 0; ; offset += PAGE_SIZE) {
		const response = await fetch(`${emu.url}/miner/api/v1/samples?limit=${PAGE_SIZE}&offset=${offset}`, { headers });
		if (!response.ok) throw new Error(`raw list: ${response.status}`);
		const page = await response.json();
		all.push(...page);
		if (page.length < PAGE_SIZE) break;
	}
	return all;
}

async function nodeList(emu) {
	const result = await runNode({
		node,
		parameters: { resource: 'sample', operation: 'getMany', returnAll: true, simplify: false },
		credentials: emu.credentials(),
	});
	if (result.status !== 'success') throw new Error(`node list failed: ${result.error?.message}`);
	return result.output;
}

async function fresh(emu) {
	await emu.reset();
	await emu.control('POST', '/seed', subjectSeed());
}

async function main() {
	const emu = await startEmulator();
	const rows = [];
	try {
		// Warm up both sides (JIT, connection pools, the engine's first-run work).
		await fresh(emu);
		await rawCreate(emu, 50);
		await fresh(emu);
		await rawHttpCreate(emu, 50);
		await fresh(emu);
		await nodeCreate(emu, 50, 1);
		await fresh(emu);
		await nodeCreate(emu, 50, CONCURRENCY);

		const create = { raw: [], http: [], node: [], parallel: [] };
		const createCpu = { raw: [], http: [], node: [], parallel: [] };
		for (let round = 0; round < ROUNDS; round++) {
			const sides = [
				['raw', () => rawCreate(emu, ITEMS)],
				['http', () => rawHttpCreate(emu, ITEMS)],
				['node', () => nodeCreate(emu, ITEMS, 1)],
				['parallel', () => nodeCreate(emu, ITEMS, CONCURRENCY)],
			];
			if (round % 2) sides.reverse(); // cancel out drift
			for (const [name, fn] of sides) {
				await fresh(emu);
				const { seconds: s, cpu } = await measure(fn);
				create[name].push(s);
				createCpu[name].push(cpu);
				process.stderr.write(`create round ${round + 1} ${name}: ${s.toFixed(2)} s, client CPU ${cpu.toFixed(2)} s\n`);
			}
		}

		await emu.reset();
		await emu.control('POST', '/seed', { ...subjectSeed(), samples: sampleSeed(SAMPLES) });
		await rawList(emu); // warm-up
		await emu.clearRequests();
		const list = { raw: [], node: [] };
		const listCpu = { raw: [], node: [] };
		const memory = { raw: { heap: 0, rss: 0 }, node: { heap: 0, rss: 0 } };
		for (let round = 0; round < LIST_ROUNDS; round++) {
			const sides = [
				['raw', () => rawList(emu)],
				['node', () => nodeList(emu)],
			];
			if (round % 2) sides.reverse();
			for (const [name, fn] of sides) {
				const m = await measure(fn);
				if (m.result.length !== SAMPLES) throw new Error(`${name} list returned ${m.result.length}`);
				list[name].push(m.seconds);
				listCpu[name].push(m.cpu);
				memory[name].heap = Math.max(memory[name].heap, m.heapMiB);
				memory[name].rss = Math.max(memory[name].rss, m.rssMiB);
				process.stderr.write(`list round ${round + 1} ${name}: ${m.seconds.toFixed(2)} s\n`);
				await emu.clearRequests();
			}
		}

		const c = {
			raw: median(create.raw),
			http: median(create.http),
			node: median(create.node),
			parallel: median(create.parallel),
		};
		const l = { raw: median(list.raw), node: median(list.node) };
		const cpu = (samples) => median(samples);
		rows.push(
			[`Create Sample × ${ITEMS}: raw fetch loop`, c.raw, 1, '', cpu(createCpu.raw), ''],
			[`Create Sample × ${ITEMS}: raw node:http keep-alive loop`, c.http, c.http / c.raw, '', cpu(createCpu.http), ''],
			[`Create Sample × ${ITEMS}: node, one at a time`, c.node, c.node / c.raw, '≤ 2.4', cpu(createCpu.node), ''],
			[
				`Create Sample × ${ITEMS}: node, ${CONCURRENCY} in parallel`,
				c.parallel,
				c.parallel / c.raw,
				'near 1',
				cpu(createCpu.parallel),
				'',
			],
			[
				`Get Many × ${SAMPLES}: raw paginated loop`,
				l.raw,
				1,
				'',
				cpu(listCpu.raw),
				`heap +${memory.raw.heap.toFixed(0)} MiB, RSS +${memory.raw.rss.toFixed(0)} MiB`,
			],
			[
				`Get Many × ${SAMPLES}: node, Return All`,
				l.node,
				l.node / l.raw,
				'≤ 1.2',
				cpu(listCpu.node),
				`heap +${memory.node.heap.toFixed(0)} MiB, RSS +${memory.node.rss.toFixed(0)} MiB`,
			],
		);
		console.log(
			`\niFlow Miner benchmark (median of ${ROUNDS} create / ${LIST_ROUNDS} list rounds, Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})\n`,
		);
		console.log('| case | seconds | ratio to raw fetch | ratio to node:http | goal | client CPU s | peak memory |');
		console.log('|---|---:|---:|---:|---|---:|---|');
		for (const [name, s, ratio, goal, clientCpu, mem] of rows) {
			const toHttp = name.startsWith('Create') ? `${(s / c.http).toFixed(2)}×` : '';
			console.log(
				`| ${name} | ${s.toFixed(2)} | ${ratio.toFixed(2)}× | ${toHttp} | ${goal} | ${clientCpu.toFixed(2)} | ${mem} |`,
			);
		}
		const out = path.join(__dirname, 'results', `miner-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
		fs.mkdirSync(path.dirname(out), { recursive: true });
		fs.writeFileSync(
			out,
			JSON.stringify(
				{
					items: ITEMS,
					samples: SAMPLES,
					rounds: ROUNDS,
					concurrency: CONCURRENCY,
					create,
					createCpu,
					list,
					listCpu,
					memory,
				},
				null,
				2,
			),
		);
		console.log(`\nraw figures: ${path.relative(ROOT, out)}`);
	} finally {
		await emu.stop();
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

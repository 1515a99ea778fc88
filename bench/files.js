#!/usr/bin/env node
// Benchmark: a large file (default 2 GiB) uploaded and downloaded through the compiled iFlow
// Files node (real n8n-core engine, filesystem binary mode) and, in the same run, with curl
// against the same emulator and the same signed URLs. Reports the peak RSS growth of this
// process (the one running n8n-core; goal ≤ 150 MiB) and throughput as a ratio to curl
// (goal ≥ 0.7).
//
//   npm run build && node bench/files.js [--size-mib 2048] [--rounds 1] [--verify]
//
// Prints a table and writes bench/results/files-<time>.json.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const MiB = 1024 * 1024;

function option(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	if (index === -1) return fallback;
	const value = process.argv[index + 1];
	return value === undefined || value.startsWith('--') ? true : value;
}
const SIZE = Number(option('size-mib', 2048)) * MiB;
const ROUNDS = Math.max(1, Number(option('rounds', 1)));
const VERIFY = option('verify', false) === true;

// n8n-core reads these when first used: set them before anything loads it.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-bench-files-'));
process.env.N8N_USER_FOLDER = path.join(workDir, 'n8n');
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
fs.mkdirSync(process.env.N8N_USER_FOLDER);

const dist = (file) => path.join(ROOT, 'dist', file);
if (!fs.existsSync(dist('nodes/IFlowFiles/IFlowFiles.node.js'))) {
	console.error('dist/ has no iFlow Files node: run `npm run build` first.');
	process.exit(1);
}
const { IFlowFiles } = require(dist('nodes/IFlowFiles/IFlowFiles.node.js'));
const { IFlowApi } = require(dist('credentials/IFlowApi.credentials.js'));
const { configure, runNode } = require('../test/helpers/engine');
const { startEmulator } = require('../test/helpers/emulator');
const {
	binaryItem,
	digestBinary,
	digestPattern,
	measureRss,
	useFilesystemBinaryMode,
} = require('../test/helpers/binary');

configure({ credentialType: new IFlowApi() });
const node = new IFlowFiles();

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const mib = (bytes) => bytes / MiB;
const fmt = (n, digits = 1) => n.toFixed(digits);

/** Wall time, RSS and CPU time: of this process for the node, of curl itself for curl. */
async function timed(fn) {
	const start = process.hrtime.bigint();
	const cpuBefore = process.cpuUsage();
	const measured = await measureRss(fn, 100);
	const cpu = process.cpuUsage(cpuBefore);
	const cpuSeconds =
		typeof measured.result?.cpuSeconds === 'number' ? measured.result.cpuSeconds : (cpu.user + cpu.system) / 1e6;
	return {
		...measured,
		seconds: seconds(start),
		cpuSeconds,
		userSeconds: cpu.user / 1e6,
		systemSeconds: cpu.system / 1e6,
	};
}

/** Run curl under /usr/bin/time (when present) to get its own CPU time. */
function curl(args) {
	const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
	const command = timeBin
		? [timeBin, ['-f', 'CPU %U %S', 'curl', '-sS', '--fail', ...args]]
		: ['curl', ['-sS', '--fail', ...args]];
	const result = spawnSync(command[0], command[1], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`curl failed (${result.status}): ${result.stderr}`);
	const match = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
	return { cpuSeconds: match ? Number(match[1]) + Number(match[2]) : undefined };
}

async function main() {
	const loadAtStart = fmt(os.loadavg()[0]);
	const { storagePath, service } = await useFilesystemBinaryMode();
	const emu = await startEmulator({ args: ['--data-dir', path.join(workDir, 'buckets')] });
	const credentials = emu.credentials();
	const upload = (filePath, item) =>
		runNode({
			node,
			parameters: { resource: 'file', operation: 'upload', filePath, options: { overwrite: true } },
			items: [item],
			credentials,
		});
	const download = (filePath) =>
		runNode({ node, parameters: { resource: 'file', operation: 'download', filePath }, credentials });
	const expectOk = (result, what) => {
		if (result.status !== 'success') throw new Error(`${what} failed: ${result.error?.message}`);
		return result.output[0];
	};

	try {
		// Warm-up: load every module and open connections, so the baseline includes them.
		const small = await binaryItem({ size: 4 * MiB, fileName: 'warmup.bin', seed: 2 });
		expectOk(await upload('bench/warmup.bin', small), 'warm-up upload');
		expectOk(await download('bench/warmup.bin'), 'warm-up download');

		process.stdout.write(`Creating the ${fmt(mib(SIZE), 0)} MiB input file in n8n's binary storage… `);
		const item = await binaryItem({ size: SIZE, fileName: 'reads.fastq.gz', mimeType: 'application/gzip', seed: 11 });
		const sourceFile = service.getPath(item.binary.data.id);
		console.log('done');

		const rows = [];
		let peakGrowth = 0;
		for (let round = 1; round <= ROUNDS; round++) {
			// curl: same emulator, same kind of signed URL, same source file, writes to the same disk.
			// The order alternates between rounds so that neither side always pays for the other's
			// disk write-back.
			const curlFirst = round % 2 === 1;
			const curlUpload = async () => {
				const up = await emu.api('files', 'POST', '/files/upload-url', {
					body: { path: 'bench/curl.bin', content_type: 'application/gzip' },
				});
				return await timed(async () =>
					curl([
						'-X',
						'PUT',
						'-T',
						sourceFile,
						'-H',
						'Content-Type: application/gzip',
						'-H',
						'Expect:',
						'-o',
						'/dev/null',
						up.url,
					]),
				);
			};
			const nodeUpload = async () => await timed(async () => expectOk(await upload('bench/node.bin', item), 'upload'));
			let curlUp;
			let nodeUp;
			if (curlFirst) {
				curlUp = await curlUpload();
				nodeUp = await nodeUpload();
			} else {
				nodeUp = await nodeUpload();
				curlUp = await curlUpload();
			}

			const curlTarget = path.join(workDir, 'curl-download.bin');
			const curlDownload = async () => {
				const down = await emu.api('files', 'GET', '/files/download-url', { query: { path: 'bench/curl.bin' } });
				const measured = await timed(async () => curl(['-o', curlTarget, down.url]));
				fs.rmSync(curlTarget, { force: true });
				return measured;
			};
			const nodeDownload = async () => await timed(async () => expectOk(await download('bench/node.bin'), 'download'));
			let curlDown;
			let nodeDown;
			if (curlFirst) {
				curlDown = await curlDownload();
				nodeDown = await nodeDownload();
			} else {
				nodeDown = await nodeDownload();
				curlDown = await curlDownload();
			}

			const downloaded = nodeDown.result.binary.data;
			if (nodeDown.result.json.size !== SIZE)
				throw new Error(`downloaded ${nodeDown.result.json.size} bytes, expected ${SIZE}`);
			if (VERIFY) {
				const [got, want] = await Promise.all([digestBinary(downloaded), digestPattern(SIZE, 11)]);
				if (got.sha256 !== want.sha256) throw new Error('downloaded bytes differ from the uploaded ones');
			}
			await service.deleteManyByBinaryDataId([downloaded.id]);

			peakGrowth = Math.max(peakGrowth, nodeUp.growth, nodeDown.growth);
			rows.push(
				{ round, direction: 'upload', node: nodeUp, curl: curlUp },
				{ round, direction: 'download', node: nodeDown, curl: curlDown },
			);
		}

		const table = rows.map((row) => {
			const nodeRate = mib(SIZE) / row.node.seconds;
			const curlRate = mib(SIZE) / row.curl.seconds;
			return {
				round: row.round,
				direction: row.direction,
				'node s': fmt(row.node.seconds, 2),
				'node MiB/s': fmt(nodeRate),
				'curl s': fmt(row.curl.seconds, 2),
				'curl MiB/s': fmt(curlRate),
				'ratio node/curl': fmt(nodeRate / curlRate, 2),
				'node CPU s (user+sys)': `${fmt(row.node.userSeconds, 1)}+${fmt(row.node.systemSeconds, 1)}`,
				'curl CPU s': row.curl.cpuSeconds === undefined ? '-' : fmt(row.curl.cpuSeconds, 2),
				'RSS growth MiB': fmt(mib(row.node.growth)),
				'RSS peak MiB': fmt(mib(row.node.peak)),
			};
		});
		console.log(
			`\niFlow Files node vs curl, ${fmt(mib(SIZE), 0)} MiB, filesystem binary mode, Node ${process.version}`,
		);
		console.table(table);
		const median = (values) => {
			const sorted = [...values].sort((a, b) => a - b);
			const mid = Math.floor(sorted.length / 2);
			return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
		};
		const ratios = (direction) =>
			table.filter((row) => row.direction === direction).map((row) => Number(row['ratio node/curl']));
		const medianRatio = { upload: median(ratios('upload')), download: median(ratios('download')) };
		const worstRatio = Math.min(medianRatio.upload, medianRatio.download);
		console.log(
			`Peak RSS growth of the n8n-core process: ${fmt(mib(peakGrowth))} MiB (goal ≤ 150) · ` +
				`median throughput ratio to curl: upload ${fmt(medianRatio.upload, 2)}, download ${fmt(medianRatio.download, 2)} (goal ≥ 0.7)`,
		);

		const resultsDir = path.join(__dirname, 'results');
		fs.mkdirSync(resultsDir, { recursive: true });
		const file = path.join(resultsDir, `files-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
		fs.writeFileSync(
			file,
			JSON.stringify(
				{
					sizeBytes: SIZE,
					rounds: ROUNDS,
					node: process.version,
					loadAtStart,
					peakGrowthBytes: peakGrowth,
					medianRatio,
					table,
				},
				null,
				2,
			),
		);
		console.log(`Results: ${path.relative(ROOT, file)}`);
		if (peakGrowth > 150 * MiB || worstRatio < 0.7) process.exitCode = 2;
	} finally {
		await emu.stop();
		fs.rmSync(workDir, { recursive: true, force: true });
		fs.rmSync(storagePath, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

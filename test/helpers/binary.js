// Binary data for engine tests and benchmarks: switches n8n-core's BinaryDataService to
// filesystem mode (what the README tells users to run with big files), creates input items
// whose bytes live on disk, and samples the process's RSS while something runs.
// Plain JS: it needs fs, os, path, process and timers, which the lint forbids in .ts files.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Readable } = require('node:stream');

/**
 * Filesystem binary mode for this process (jest: this test file). Must run before n8n-core
 * first builds its BinaryDataConfig (it reads the environment once, in its constructor).
 * @returns {Promise<{ storagePath: string, service: any }>}
 */
async function useFilesystemBinaryMode() {
	const storagePath = fs.mkdtempSync(path.join(os.tmpdir(), 'iflow-binary-'));
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
	process.env.N8N_BINARY_DATA_STORAGE_PATH = storagePath;
	const { Container } = require('@n8n/di');
	const { BinaryDataService } = require('n8n-core');
	const service = Container.get(BinaryDataService);
	await service.init();
	return { storagePath, service };
}

/**
 * Deterministic bytes in 1 MiB chunks: one pseudo-random block (from the seed), each chunk
 * stamped with its index so lost or reordered chunks change the digest.
 */
function patternStream(size, seed = 1) {
	const { createHash } = require('node:crypto');
	const block = Buffer.alloc(1024 * 1024);
	for (let i = 0; i < block.length; i += 32) createHash('sha256').update(`${seed}:${i}`).digest().copy(block, i);
	let left = size;
	let index = 0;
	return new Readable({
		read() {
			if (left <= 0) return this.push(null);
			const n = Math.min(block.length, left);
			const out = Buffer.from(block.subarray(0, n));
			if (n >= 8) out.writeBigUInt64LE(BigInt(index), 0);
			index++;
			left -= n;
			this.push(out);
		},
	});
}

/**
 * An input item whose binary property is stored by n8n-core (on disk in filesystem mode),
 * as a previous node would have left it.
 */
async function binaryItem({
	size,
	fileName = 'sample.bin',
	mimeType = 'application/octet-stream',
	property = 'data',
	workflowId = 'wf-harness',
	executionId = 'binary-input',
	seed,
}) {
	const { Container } = require('@n8n/di');
	const { BinaryDataService } = require('n8n-core');
	const binaryData = { data: '', mimeType, fileName, fileExtension: path.extname(fileName).slice(1) || undefined };
	const stored = await Container.get(BinaryDataService).store(
		{ type: 'execution', workflowId, executionId },
		patternStream(size, seed),
		binaryData,
	);
	return { json: {}, binary: { [property]: stored } };
}

/** The bytes of a binary value (filesystem or inline), streamed through a hash: [size, sha256]. */
async function digestBinary(binary) {
	const { createHash } = require('node:crypto');
	const hash = createHash('sha256');
	let size = 0;
	let stream;
	if (binary.id) {
		const { Container } = require('@n8n/di');
		const { BinaryDataService } = require('n8n-core');
		stream = await Container.get(BinaryDataService).getAsStream(binary.id);
	} else {
		stream = Readable.from([Buffer.from(binary.data, 'base64')]);
	}
	for await (const chunk of stream) {
		size += chunk.length;
		hash.update(chunk);
	}
	return { size, sha256: hash.digest('hex') };
}

/** size + sha256 of patternStream(size, seed), to compare with what went through the node. */
async function digestPattern(size, seed) {
	const { createHash } = require('node:crypto');
	const hash = createHash('sha256');
	let n = 0;
	for await (const chunk of patternStream(size, seed)) {
		n += chunk.length;
		hash.update(chunk);
	}
	return { size: n, sha256: hash.digest('hex') };
}

/**
 * Run `fn` while sampling this process's RSS every 20 ms. No forced GC for the baseline: a
 * `global.gc()` makes V8 collect far more often afterwards while streams churn through Buffers
 * (measured: 5-10x the CPU per MiB), which would measure the harness, not the node.
 * @returns {Promise<{ result: any, baseline: number, peak: number, growth: number }>}
 */
async function measureRss(fn, intervalMs = 20) {
	const baseline = process.memoryUsage.rss();
	let peak = baseline;
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
	}, intervalMs);
	try {
		const result = await fn();
		peak = Math.max(peak, process.memoryUsage.rss());
		return { result, baseline, peak, growth: peak - baseline };
	} finally {
		clearInterval(timer);
	}
}

function removeDir(dir) {
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = {
	useFilesystemBinaryMode,
	binaryItem,
	digestBinary,
	digestPattern,
	patternStream,
	measureRss,
	removeDir,
};

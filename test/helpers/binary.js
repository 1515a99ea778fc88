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
 * n8n's `database` binary mode for this process: n8n-core selects the mode, but the manager
 * behind it (DatabaseManager) lives in the n8n CLI package, which the engine tests do not have.
 * This stand-in keeps its behaviour that matters to nodes: the whole file is read into one
 * Buffer, a file over `maxFileSizeMiB` is refused after that read, reads come back as one
 * Buffer. Call before n8n-core first builds its BinaryDataConfig.
 * @returns {Promise<{ service: any, files: Map<string, { data: Buffer, fileName?: string, mimeType?: string }> }>}
 */
async function useDatabaseBinaryMode({ maxFileSizeMiB = 512 } = {}) {
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'database';
	const { Container } = require('@n8n/di');
	const { BinaryDataService } = require('n8n-core');
	const service = Container.get(BinaryDataService);
	const files = new Map();
	let next = 0;
	const toBuffer = async (data) => {
		if (Buffer.isBuffer(data)) return data;
		const chunks = [];
		for await (const chunk of data) chunks.push(Buffer.from(chunk));
		return Buffer.concat(chunks);
	};
	const find = (fileId) => {
		const file = files.get(fileId);
		if (!file) throw new Error(`binary file ${fileId} not found`);
		return file;
	};
	const save = (data, metadata = {}) => {
		if (data.length > maxFileSizeMiB * 1024 * 1024) {
			throw new Error(
				`binary file of ${data.length} bytes exceeds the max size limit of ${maxFileSizeMiB} MB set for \`database\` mode`,
			);
		}
		const fileId = `db-file-${++next}`;
		files.set(fileId, { data, fileName: metadata.fileName, mimeType: metadata.mimeType });
		return { fileId, fileSize: data.length };
	};
	service.setManager('database', {
		init: async () => {},
		store: async (_location, data, metadata) => save(await toBuffer(data), metadata),
		getPath: (fileId) => `database://${fileId}`,
		getAsBuffer: async (fileId) => find(fileId).data,
		getAsStream: async (fileId) => Readable.from([find(fileId).data]),
		getMetadata: async (fileId) => {
			const { data, fileName, mimeType } = find(fileId);
			return { fileName, mimeType, fileSize: data.length };
		},
		copyByFileId: async (_location, fileId) => save(find(fileId).data).fileId,
		copyByFilePath: async (_location, filePath, metadata) => save(fs.readFileSync(filePath), metadata),
		deleteMany: async () => {},
		deleteManyByFileId: async (ids) => ids.forEach((id) => files.delete(id)),
		rename: async (oldId, newId) => {
			files.set(newId, find(oldId));
			files.delete(oldId);
		},
	});
	await service.init();
	return { service, files };
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
	useDatabaseBinaryMode,
	binaryItem,
	digestBinary,
	digestPattern,
	patternStream,
	measureRss,
	removeDir,
};

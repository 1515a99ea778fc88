'use strict';
// Scenario 3: a large file uploaded to Flow and downloaded from it, through signed URLs.
// Sides: curl (raw), a plain node:http stream piped from/to a file (the limit any node can
// reach), the HTTP Request node in two steps (signed URL, then PUT/GET), and the iFlow Files node.
// Every side's time includes asking Flow for the signed URL. The n8n workflows read the source
// file from disk first (Read/Write Files node); that setup is left out: only the transfer
// nodes' executionTime counts. Downloads all fetch the same object, uploaded once at setup.
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { EMULATOR_TOKEN } = require('../../scripts/lib/credential');
const { flowClient } = require('../../test/e2e/flow-client');
const { PROJECT_A } = require('../lib/seed');
const { runN8n, runRaw, curlSeconds, outputItems, MiB } = require('../lib/sides');

const CONTENT_TYPE = 'application/octet-stream';
const WARMUP_MIB = 4;

/** A file of `bytes` bytes (1 MiB of pseudo-random data repeated), written in 1 MiB chunks. */
function writeSource(file, bytes) {
	let state = 0x9e3779b9;
	const block = Buffer.alloc(MiB);
	for (let i = 0; i < block.length; i += 4) {
		state = (state * 1664525 + 1013904223) >>> 0; // LCG: cheap, not compressible
		block.writeUInt32LE(state, i);
	}
	const fd = fs.openSync(file, 'w');
	try {
		for (let written = 0; written < bytes; written += block.length)
			fs.writeSync(fd, block, 0, Math.min(block.length, bytes - written));
	} finally {
		fs.closeSync(fd);
	}
}

module.exports = function filesScenario(ctx) {
	const flow = flowClient(ctx.env.emulator.url);
	const filesApi = `${ctx.env.emulator.url}/files/api/v1`;
	const size = ctx.config.sizeMiB * MiB;
	const inputs = {
		real: { file: path.join(ctx.filesDir, 'source.bin'), object: 'bench/source.bin', bytes: size },
		warmup: {
			file: path.join(ctx.filesDir, 'warmup.bin'),
			object: 'bench/warmup.bin',
			bytes: Math.min(WARMUP_MIB * MiB, size),
		},
	};
	const transfer = (direction, objectPath, file) =>
		runRaw(ctx, 'transfer.js', {
			direction,
			filesApi,
			token: EMULATOR_TOKEN,
			project: PROJECT_A,
			path: objectPath,
			file,
		});
	const objectSize = async (objectPath) =>
		(await flow.call('GET', 'files', `/files/metadata?path=${encodeURIComponent(objectPath)}`)).size;
	/** Time of the signed-URL request (made from this process) plus curl's own transfer time. */
	async function curlTransfer(direction, objectPath, file) {
		const started = performance.now();
		const signed =
			direction === 'upload'
				? await flow.call('POST', 'files', '/files/upload-url', { path: objectPath, content_type: CONTENT_TYPE })
				: await flow.call('GET', 'files', `/files/download-url?path=${encodeURIComponent(objectPath)}`);
		const urlSeconds = (performance.now() - started) / 1000;
		const args =
			direction === 'upload'
				? [
						'-X',
						'PUT',
						'-T',
						file,
						'-H',
						`Content-Type: ${CONTENT_TYPE}`,
						'-H',
						'Expect:',
						'-o',
						'/dev/null',
						signed.url,
					]
				: ['-o', file, signed.url];
		return { seconds: urlSeconds + (await curlSeconds(args)) };
	}
	const downloadTarget = (key) => path.join(ctx.workDir, `download-${key}.bin`);

	const upload = {
		id: 'upload',
		title: `Upload ${ctx.config.sizeMiB.toLocaleString('en')} MiB`,
		rawKey: 'raw',
		sides: [
			{
				key: 'raw',
				label: 'raw: signed URL, then `curl -T`',
				run: (input, target) => curlTransfer('upload', target, input.file),
			},
			{
				key: 'limit',
				label: 'limit: signed URL, then a plain Node `http` stream from the file (no n8n)',
				run: (input, target) => transfer('upload', target, input.file),
			},
			{
				key: 'hand',
				label: 'by hand: HTTP Request (upload link) + HTTP Request PUT (binary body)',
				n8n: true,
				run: (input, target) =>
					runN8n(ctx, {
						workflowId: 'benchUploadHttp',
						route: 'bench-upload-http',
						body: { source: input.file, target },
						timedNodes: ['Get upload URL', 'Upload'],
					}),
			},
			{
				key: 'node',
				label: 'iFlow Files, Upload',
				n8n: true,
				pair: 'hand',
				run: (input, target) =>
					runN8n(ctx, {
						workflowId: 'benchUploadNode',
						route: 'bench-upload-node',
						body: { source: input.file, target },
						timedNodes: ['Upload'],
					}),
			},
		],
	};

	/** Bytes a download side ended with: the file it wrote, or the n8n binary's size. */
	const downloadedBytes = (measure, key) => {
		if (!measure.execution) {
			const bytes = fs.statSync(downloadTarget(key)).size;
			fs.rmSync(downloadTarget(key), { force: true });
			return bytes;
		}
		const [item] = outputItems(measure.execution, 'Download');
		return item?.binary?.data?.bytes ?? item?.json?.size;
	};
	const download = {
		id: 'download',
		title: `Download ${ctx.config.sizeMiB.toLocaleString('en')} MiB`,
		rawKey: 'raw',
		sides: [
			{
				key: 'raw',
				label: 'raw: signed URL, then `curl -o`',
				run: (input) => curlTransfer('download', input.object, downloadTarget('raw')),
			},
			{
				key: 'limit',
				label: 'limit: signed URL, then a plain Node `http` stream to a file (no n8n)',
				run: (input) => transfer('download', input.object, downloadTarget('limit')),
			},
			{
				key: 'hand',
				label: 'by hand: HTTP Request (download link) + HTTP Request GET (response as file)',
				n8n: true,
				run: (input) =>
					runN8n(ctx, {
						workflowId: 'benchDownloadHttp',
						route: 'bench-download-http',
						body: { path: input.object },
						timedNodes: ['Get download URL', 'Download'],
					}),
			},
			{
				key: 'node',
				label: 'iFlow Files, Download',
				n8n: true,
				pair: 'hand',
				run: (input) =>
					runN8n(ctx, {
						workflowId: 'benchDownloadNode',
						route: 'bench-download-node',
						body: { path: input.object },
						timedNodes: ['Download'],
					}),
			},
		],
	};

	return {
		id: 'files',
		cases: [upload, download],
		async setup() {
			await ctx.env.emulator.reset();
			for (const input of Object.values(inputs)) {
				writeSource(input.file, input.bytes);
				await transfer('upload', input.object, input.file);
			}
		},
		async run(c, side, { warmup }) {
			const input = warmup ? inputs.warmup : inputs.real;
			if (c.id === 'upload') {
				const target = `bench/upload-${side.key}${warmup ? '-warmup' : ''}.bin`;
				const measure = await side.run(input, target);
				const bytes = await objectSize(target);
				if (bytes !== input.bytes) throw new Error(`${side.key} uploaded ${bytes} bytes, expected ${input.bytes}`);
				// Only the source object stays in the bucket: 2 GiB per upload adds up over the rounds.
				await flow.call('DELETE', 'files', `/files?path=${encodeURIComponent(target)}`);
				return measure;
			}
			const measure = await side.run(input);
			const bytes = downloadedBytes(measure, side.key);
			if (bytes !== input.bytes) throw new Error(`${side.key} downloaded ${bytes} bytes, expected ${input.bytes}`);
			return measure;
		},
		async teardown() {
			for (const input of Object.values(inputs)) fs.rmSync(input.file, { force: true });
		},
	};
};

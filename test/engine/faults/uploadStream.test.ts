// An upload stored on disk by n8n (filesystem binary mode) is a stream: after a PUT whose answer
// was lost, the file is read again from n8n's store and sent again whole.
import { createHash } from 'node:crypto';

import { binaryItem, digestPattern, removeDir, useFilesystemBinaryMode } from '../../helpers/binary';
import { nodeRunner, useEmulator } from '../../helpers/suite';
import { node } from '../files/fixtures';
import { stored } from './kinds';

const emulator = useEmulator();
const files = nodeRunner(node);
const SIZE = 3 * 1024 * 1024;

let storagePath: string | undefined;
beforeAll(async () => {
	({ storagePath } = await useFilesystemBinaryMode());
});
afterAll(() => removeDir(storagePath));

describe('Files › File › Upload of a stored (streamed) file through lost answers', () => {
	test.each([
		['the connection dropped after storage kept the file', { reset: true, afterCommit: true }],
		['a 503 before anything was stored', { status: 503 }],
		['the connection dropped mid-upload', { reset: true }],
	])('%s: read again and sent again whole', async (_name, rule) => {
		const emu = emulator();
		const input = await binaryItem({ size: SIZE, fileName: 'reads.fastq.gz', mimeType: 'application/gzip', seed: 3 });
		expect(input.binary!.data.id).toBeDefined(); // a stream, not a buffer
		await emu.fault({ service: 'storage', method: 'PUT', count: 1, ...rule });
		const result = await files(
			emu,
			{ resource: 'file', operation: 'upload', filePath: 'uploads/reads.fastq.gz' },
			{ items: [input] },
		);
		expect(result.error).toBeUndefined();
		expect(result.output[0].json).toMatchObject({ path: 'uploads/reads.fastq.gz', size: SIZE });
		const puts = await emu.requests({ service: 'storage', method: 'PUT' });
		expect(puts).toHaveLength(2);
		const bytes = (await stored(emu, 'uploads/reads.fastq.gz')) ?? Buffer.alloc(0);
		expect(createHash('sha256').update(bytes).digest('hex')).toBe((await digestPattern(SIZE, 3)).sha256);
	});
});

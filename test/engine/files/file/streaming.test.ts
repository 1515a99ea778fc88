// Upload and download of a 200 MiB file with n8n's filesystem binary mode: the bytes must
// stream (this process's RSS grows far less than the file size), arrive intact, and the
// downloaded copy must be stored on disk by n8n (an id, no inline data).
import type { IBinaryData } from 'n8n-workflow';

import {
	binaryItem,
	digestBinary,
	digestPattern,
	measureRss,
	removeDir,
	useFilesystemBinaryMode,
} from '../../../helpers/binary';
import { params, run, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const MiB = 1024 * 1024;
const SIZE = 200 * MiB;
const SEED = 7;
/** Buffering the file anywhere would cost at least its size (200 MiB); streaming costs buffers. */
const MAX_GROWTH = 100 * MiB;

let storagePath: string | undefined;
beforeAll(async () => {
	({ storagePath } = await useFilesystemBinaryMode());
});
afterAll(() => removeDir(storagePath));

describe('iFlow Files › File › Upload + Download, 200 MiB in filesystem binary mode', () => {
	test('streams both ways in bounded memory and the bytes survive the round trip', async () => {
		const input = await binaryItem({
			size: SIZE,
			fileName: 'reads_R1.fastq.gz',
			mimeType: 'application/gzip',
			seed: SEED,
		});
		expect(input.binary!.data.id).toBeDefined(); // on disk, not inline

		const up = await measureRss(
			async () =>
				await run(emu, params('file', 'upload', { filePath: 'samples/sam-001/uploads/' }), { items: [input] }),
		);
		expect(up.result.status).toBe('success');
		expect(up.result.output[0].json).toMatchObject({ path: 'samples/sam-001/uploads/reads_R1.fastq.gz', size: SIZE });
		expect(up.growth).toBeLessThan(MAX_GROWTH);

		const down = await measureRss(
			async () => await run(emu, params('file', 'download', { filePath: 'samples/sam-001/uploads/reads_R1.fastq.gz' })),
		);
		expect(down.result.status).toBe('success');
		expect(down.result.output[0].json).toMatchObject({ size: SIZE, content_type: 'application/gzip' });
		expect(down.growth).toBeLessThan(MAX_GROWTH);

		const binary = down.result.output[0].binary!.data as IBinaryData;
		expect(binary.id).toBeDefined();
		expect(binary.data).not.toHaveLength(SIZE); // a mode marker, not the bytes
		expect(await digestBinary(binary)).toEqual(await digestPattern(SIZE, SEED));
	});
});

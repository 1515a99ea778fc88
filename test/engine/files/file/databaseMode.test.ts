// n8n's `database` binary-data mode (the default in queue mode): it holds each file whole in
// memory and refuses it above N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE only after reading it.
// Download and Upload refuse a file over the node's limit before moving it, and say what to
// use instead; under the limit, and in the other modes, they work as before.
import type { IBinaryData } from 'n8n-workflow';

import { allText } from '../../../helpers/engine';
import { binaryItem, useDatabaseBinaryMode } from '../../../helpers/binary';
import { params, run, seedFiles, useEmulatorHandle } from '../fixtures';

const MIB = 1024 * 1024;
const emu = useEmulatorHandle();
let files: Map<string, { data: Buffer }>;

beforeAll(async () => {
	({ files } = await useDatabaseBinaryMode({ maxFileSizeMiB: 8 }));
});

const download = (filePath: string, options = {}) => params('file', 'download', { filePath, options });
const upload = (filePath: string, options = {}) => params('file', 'upload', { filePath, options });
const storedBytes = () => [...files.values()].reduce((sum, f) => sum + f.data.length, 0);

describe('iFlow Files in n8n database binary mode', () => {
	test('Download under the limit: stored in the database, as n8n would', async () => {
		await seedFiles(emu, { 'reads/small.fastq': 'ACGT'.repeat(256 * 1024) }); // 1 MiB
		const result = await run(emu, download('reads/small.fastq', { databaseModeMaxMiB: 2 }));
		expect(result.status).toBe('success');
		const binary = result.output[0].binary!.data as IBinaryData;
		expect(binary.id).toMatch(/^database:/);
		expect(result.output[0].json.size).toBe(MIB);
	});

	test('Download over the limit: refused at the headers, nothing stored, the error offers Get Download Link', async () => {
		await seedFiles(emu, { 'reads/big.fastq': 'ACGT'.repeat(768 * 1024) }); // 3 MiB
		const before = storedBytes();
		const result = await run(emu, download('reads/big.fastq', { databaseModeMaxMiB: 2 }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			"reads/big.fastq is 3 MiB: too large for n8n's database binary storage (limit 2 MiB); nothing was transferred",
		);
		expect(result.error?.description).toMatch(/Use 'Get Download Link' instead/);
		expect(result.error?.description).toMatch(/N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE/);
		expect(storedBytes()).toBe(before); // only the empty mode probe was stored
		expect(allText(result.run)).not.toMatch(/X-Flow-Signature/);
	});

	test('Download over the limit with Continue On Fail: an error item, the next item still downloads', async () => {
		await seedFiles(emu, { 'big.bin': 'x'.repeat(3 * MIB), 'small.bin': 'y'.repeat(1000) });
		const result = await run(emu, download('={{ $json.path }}', { databaseModeMaxMiB: 2 }), {
			items: [{ path: 'big.bin' }, { path: 'small.bin' }],
			continueOnFail: true,
		});
		expect(result.status).toBe('success');
		expect(result.output[0].json.error).toMatch(/too large for n8n's database binary storage/);
		expect(result.output[1].json).toMatchObject({ path: 'small.bin', size: 1000 });
	});

	test("with the node's limit above n8n's cap, n8n reads the file and refuses it: said as n8n's refusal, not a broken connection", async () => {
		await seedFiles(emu, { 'reads/huge.fastq': 'ACGT'.repeat(9 * 256 * 1024) }); // 9 MiB, n8n's cap here is 8
		const result = await run(emu, download('reads/huge.fastq', { databaseModeMaxMiB: 1024 }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('n8n could not keep the download of reads/huge.fastq');
		expect(result.error?.description).toMatch(/exceeds the max size limit of 8 MB set for `database` mode/);
	});

	test('Upload of a database-stored file over the limit: refused before any request, offers Get Upload Link', async () => {
		const item = await binaryItem({ size: 3 * MIB, fileName: 'reads.fastq' });
		expect(item.binary!.data.id).toMatch(/^database:/);
		const result = await run(emu, upload('uploads/', { databaseModeMaxMiB: 2 }), { items: [item] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			"uploads/reads.fastq is 3 MiB: too large for n8n's database binary storage (limit 2 MiB); nothing was transferred",
		);
		expect(result.error?.description).toMatch(/Use 'Get Upload Link' instead/);
		expect(await emu.requests({ service: 'files' })).toHaveLength(0);
		expect(await emu.requests({ service: 'storage' })).toHaveLength(0);
	});

	test('Upload of a database-stored file under the limit goes through', async () => {
		const item = await binaryItem({ size: MIB, fileName: 'reads.fastq' });
		const result = await run(emu, upload('uploads/'), { items: [item] });
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ path: 'uploads/reads.fastq', size: MIB });
	});

	test.each([['abc'], [0], [2048]])('a limit of %p is refused before any request, naming the option', async (value) => {
		for (const parameters of [download('a.txt', { databaseModeMaxMiB: value }), upload('uploads/')]) {
			if (parameters.operation === 'upload') parameters.options = { databaseModeMaxMiB: value };
			const result = await run(emu, parameters, { items: [await binaryItem({ size: 10, fileName: 'a.txt' })] });
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(/^'Max Size in Database Mode \(MiB\)' must be a number from 1 to 1024/);
		}
		expect(await emu.requests()).toHaveLength(0);
	});
});

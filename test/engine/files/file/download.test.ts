import { allText } from '../../../helpers/engine';
import { TOKENS } from '../../../helpers/emulator';
import { digestBinary } from '../../../helpers/binary';
import { waitUntil } from '../../../helpers/wait';
import { params, run, seedFiles, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const download = (filePath: string, extra = {}) => params('file', 'download', { filePath, ...extra });
const VCF = 'samples/sam-001/uploads/sample.vcf';
const CONTENT = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\n17\t43044295\t.\tA\tG\n';

describe('iFlow Files › File › Download', () => {
	test('streams the file into the binary field with name, type and size from iFlow', async () => {
		await seedFiles(emu, { [VCF]: { base64: Buffer.from(CONTENT).toString('base64'), content_type: 'text/x-vcf' } });
		const result = await run(emu, download(VCF, { binaryPropertyName: 'vcf' }));
		expect(result.status).toBe('success');
		const [item] = result.output;
		expect(item.json).toEqual({
			path: VCF,
			display_name: 'sample.vcf',
			size: CONTENT.length,
			content_type: 'text/x-vcf',
		});
		const binary = item.binary!.vcf;
		expect(binary.fileName).toBe('sample.vcf');
		expect(binary.mimeType).toBe('text/x-vcf');
		expect(Buffer.from(binary.data, 'base64').toString()).toBe(CONTENT); // in-memory mode: inline
		expect((await digestBinary(binary)).size).toBe(CONTENT.length);

		const [signed] = await emu.requests({ service: 'files' });
		expect(signed.path).toBe('/api/v1/files/download-url');
		expect(signed.query).toMatchObject({ path: VCF, project_id: emu.credentials().projectId });
		expect(signed.headers['x-project-id']).toBe(emu.credentials().projectId);
		const [transfer] = await emu.requests({ service: 'storage' });
		expect(transfer).toMatchObject({ method: 'GET', status: 200 });
		expect(transfer.headers.authorization).toBeUndefined(); // signed URLs carry no token
		expect(allText(result.run)).not.toMatch(/X-Flow-Signature/);
	});

	test('a missing file is a readable 404 and no transfer starts', async () => {
		const result = await run(emu, download('nope/missing.bam'));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Not found: File not found/);
		expect(result.error?.httpCode).toBe('404');
		expect(await emu.requests({ service: 'storage' })).toHaveLength(0);
	});

	test('a download cut short by the storage starts over; one cut short again and again fails, readably', async () => {
		await seedFiles(emu, { 'big/reads.fastq': 'ACGT'.repeat(50_000) });
		await emu.fault({ service: 'storage', method: 'GET', truncate: 1000, count: 1 });
		const retried = await run(emu, download('big/reads.fastq'));
		expect(retried.output[0].json.size).toBe(200_000);
		expect(await emu.requests({ service: 'storage' })).toHaveLength(2);
		// The storage also asks to wait longer than the retry budget: the cut is final.
		await emu.fault({ service: 'storage', method: 'GET', truncate: 1000, count: 1 });
		await emu.fault({ service: 'storage', method: 'GET', status: 503, retryAfter: '3600', count: 1 });
		const result = await run(emu, download('big/reads.fastq'));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Storage refused the download of big\/reads\.fastq \(HTTP 503\)/);
		expect(result.error?.description).toMatch(
			/Tried 2 times over \d+ s \((broke off|short body|ECONNRESET|\w+), 503\)/,
		);
		expect(allText(result.run)).not.toMatch(/X-Flow-Signature|X-Flow-Expires/);
	});

	test('an expired link gives a clear error without the signed URL', async () => {
		await seedFiles(emu, { 'a/b.txt': 'hello' });
		// The storage holds the GET for a moment; meanwhile the emulator clock moves two hours on.
		await emu.fault({ service: 'storage', method: 'GET', delayMs: 1500, count: 1 });
		let settled = false;
		const expireWhenTransferStarts = async () => {
			const started = async () => (await emu.requests({ service: 'storage' })).length > 0;
			if (await waitUntil(started, () => settled)) await emu.advance(2 * 3600 * 1000);
		};
		const result = await run(emu, download('a/b.txt'), {
			onStart: (pending) => {
				void expireWhenTransferStarts();
				void pending.finally(() => (settled = true));
			},
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('The signed link for a/b.txt has expired');
		expect(result.error?.httpCode).toBe('403');
		expect(allText(result.run)).not.toMatch(/_signed|X-Flow/);
	});

	test('an API error (expired token) is readable without the token', async () => {
		const result = await run(emu, download('a/b.txt'), { credentials: { accessToken: TOKENS.expired } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/did not accept the access token/);
		expect(allText(result.run)).not.toContain(TOKENS.expired);
	});

	test('the database-mode limit does not apply when n8n keeps binary data elsewhere (here: memory)', async () => {
		await seedFiles(emu, { 'big/reads.fastq': 'ACGT'.repeat(512 * 1024) }); // 2 MiB
		const result = await run(emu, download('big/reads.fastq', { options: { databaseModeMaxMiB: 1 } }));
		expect(result.status).toBe('success');
		expect(result.output[0].json.size).toBe(2 * 1024 * 1024);
	});
});

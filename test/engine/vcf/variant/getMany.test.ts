import { PROJECT_A } from '../../../helpers/emulator';
import { orderWithSamples, run, useEmulatorHandle, vcfApi } from '../fixtures';

const emu = useEmulatorHandle();
let orderId: string;
let sampleIds: string[];
beforeEach(async () => {
	({ orderId, sampleIds } = await orderWithSamples(emu));
	await emu.clearRequests();
});

const parameters = (extra: Record<string, unknown> = {}) => ({
	resource: 'variant',
	operation: 'getMany',
	source: 'order',
	order: { mode: 'list', value: orderId },
	returnAll: false,
	limit: 50,
	...extra,
});

describe('VCF › Variant › Get Many', () => {
	vcfApi.test('variants of an order, filtered by region, gene and quality', async () => {
		const result = await run(
			emu,
			parameters({
				returnAll: true,
				filters: { chrom: '17', start: 43044295, end: 43125483, gene: 'brca1', minQual: 30, filter: 'PASS' },
			}),
		);
		expect(result.status).toBe('success');
		expect(result.output.length).toBeGreaterThan(0);
		for (const { json } of result.output) {
			expect(json).toMatchObject({ chrom: 'chr17', gene: 'BRCA1', filter: 'PASS' });
			expect(Number(json.qual)).toBeGreaterThanOrEqual(30);
			expect(Number(json.pos)).toBeGreaterThanOrEqual(43044295);
		}
		const [request] = await emu.requests({ service: 'vcf' });
		expect(request).toMatchObject({
			method: 'GET',
			path: `/api/v1/orders/${orderId}/variants`,
			query: { chrom: '17', start: '43044295', end: '43125483', gene: 'brca1', min_qual: '30', filter: 'PASS' },
		});
		expect(request.headers['x-project-id']).toBe(PROJECT_A);
	});

	vcfApi.test('Return All pages through every variant of a sample; Limit stops early', async () => {
		const all = await run(
			emu,
			parameters({ source: 'sample', sample: { mode: 'id', value: sampleIds[0] }, returnAll: true }),
		);
		expect(all.output).toHaveLength(5000);
		const pages = await emu.requests({ service: 'vcf' });
		// Full pages of 1000; X-Total-Count (5000) ends the listing without an empty sixth page.
		expect(pages.map((r) => r.query.offset)).toEqual(['0', '1000', '2000', '3000', '4000']);
		expect(pages[0].path).toBe(`/api/v1/samples/${sampleIds[0]}/variants`);
		expect(new Set(all.output.map((item) => item.json.id)).size).toBe(5000);

		await emu.clearRequests();
		const limited = await run(emu, parameters({ filters: { sampleId: sampleIds[1], sort: 'qual_desc' }, limit: 5 }));
		expect(limited.output).toHaveLength(5);
		expect(limited.output.every((item) => item.json.sample_id === sampleIds[1])).toBe(true);
		const [request] = await emu.requests({ service: 'vcf' });
		expect(request.query).toMatchObject({ limit: '5', sample_id: sampleIds[1], sort: 'qual_desc' });
	});

	vcfApi.test('a cache that is building is a readable 409; Continue On Fail', async () => {
		await emu.clock('manual');
		await emu.api('vcf', 'POST', `/orders/${orderId}/cache`, { body: {} });
		const failed = await run(emu, parameters());
		expect(failed.error?.message).toMatch(/^Conflict: The variant cache of order ORD-1 is building/);
		const kept = await run(emu, parameters(), { continueOnFail: true });
		expect(kept.output[0].json).toMatchObject({ httpCode: '409' });
	});
});

// VCF service over real HTTP: deterministic synthetic variants per sample, filters, paging through
// thousands of rows, and the per-order cache lifecycle on the emulator clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEmulator, uniqueId } from './miner-http.js';

const { emu, call, control } = useEmulator();

const miner = (method, path, o) => call('miner', method, `/api/v1${path}`, o);
const vcf = (method, path, o) => call('vcf', method, `/api/v1${path}`, o);

async function newSample() {
	const subject = (await miner('POST', '/subjects', { body: { display_id: uniqueId('SUB') } })).body;
	return (await miner('POST', '/samples', { body: { subject_id: subject.id, display_id: uniqueId('SAM') } })).body;
}
async function orderWith(samples) {
	const res = await miner('POST', '/orders', {
		body: { display_id: uniqueId('VAR'), samples: samples.map((s) => ({ sample_id: s.id })) },
	});
	return res.body;
}

test('sample variants: 5000 deterministic calls, paged with limit/offset without gaps or repeats', async () => {
	const sample = await newSample();
	const ids = [];
	for (let offset = 0; ; offset += 1000) {
		const page = await vcf('GET', `/samples/${sample.id}/variants`, { query: { limit: 1000, offset } });
		assert.equal(page.status, 200);
		assert.equal(page.headers.get('x-total-count'), '5000');
		ids.push(...page.body.map((v) => v.id));
		if (page.body.length < 1000) break;
	}
	assert.equal(ids.length, 5000);
	assert.equal(new Set(ids).size, 5000);
	const again = await vcf('GET', `/samples/${sample.id}/variants`, { query: { limit: 5, offset: 1234 } });
	assert.deepEqual(
		again.body.map((v) => v.id),
		ids.slice(1234, 1239),
	);
	const v = again.body[0];
	for (const key of ['chrom', 'pos', 'ref', 'alt', 'qual', 'filter', 'gene', 'consequence', 'genotype', 'zygosity', 'hgvs_c', 'gnomad_af', 'clinvar']) {
		assert.ok(key in v, key);
	}
	assert.equal(v.sample_id, sample.id);
	assert.equal(v.sample_display_id, sample.display_id);
	const byDisplay = await vcf('GET', `/samples/${encodeURIComponent(sample.display_id)}/variants`, { query: { limit: 1 } });
	assert.equal(byDisplay.body[0].id, ids[0]);
});

test('filters: region, gene, min_qual, PASS, consequence, clinvar; qual_desc sort', async () => {
	const sample = await newSample();
	const path = `/samples/${sample.id}/variants`;
	const region = await vcf('GET', path, { query: { chrom: '17', start: 43044295, end: 43125483, limit: 1000 } });
	assert.ok(region.body.length > 0);
	assert.ok(region.body.every((v) => v.chrom === 'chr17' && v.pos >= 43044295 && v.pos <= 43125483));
	const positions = region.body.map((v) => v.pos);
	assert.deepEqual(positions, [...positions].sort((a, b) => a - b), 'position order');

	const gene = await vcf('GET', path, { query: { gene: 'brca1', filter: 'PASS', min_qual: 100, limit: 1000 } });
	assert.ok(gene.body.length > 0);
	assert.ok(gene.body.every((v) => v.gene === 'BRCA1' && v.filter === 'PASS' && v.qual >= 100));
	assert.equal(gene.headers.get('x-total-count'), String(gene.body.length));

	const missense = await vcf('GET', path, { query: { consequence: 'missense_variant', clinvar: 'pathogenic', limit: 1000 } });
	assert.ok(missense.body.every((v) => v.consequence === 'missense_variant' && v.clinvar === 'pathogenic'));

	const best = await vcf('GET', path, { query: { sort: 'qual_desc', limit: 50 } });
	const quals = best.body.map((v) => v.qual);
	assert.deepEqual(quals, [...quals].sort((a, b) => b - a));

	assert.equal((await vcf('GET', path, { query: { min_qual: 'high' } })).status, 422);
	assert.equal((await vcf('GET', path, { query: { sort: 'random' } })).status, 422);
	assert.equal((await vcf('GET', path, { query: { limit: 0 } })).status, 422);
	assert.equal((await vcf('GET', '/samples/00000000-0000-4000-8000-000000000000/variants')).status, 404);
});

test('order variants: cache built on first use, union of the samples in genomic order', async () => {
	const s1 = await newSample();
	const s2 = await newSample();
	const order = await orderWith([s1, s2]);
	const before = await vcf('GET', `/orders/${order.id}/cache`);
	assert.equal(before.status, 200);
	assert.equal(before.body.status, 'not_built');
	assert.equal(before.body.variant_count, 0);

	const page = await vcf('GET', `/orders/${order.id}/variants`, { query: { limit: 1000 } });
	assert.equal(page.status, 200);
	assert.equal(page.headers.get('x-total-count'), '10000');
	assert.deepEqual(new Set(page.body.map((v) => v.sample_id)), new Set([s1.id, s2.id]));
	const chr1 = page.body.filter((v) => v.chrom === 'chr1').map((v) => v.pos);
	assert.deepEqual(chr1, [...chr1].sort((a, b) => a - b));

	const only = await vcf('GET', `/orders/${order.id}/variants`, { query: { sample_id: s2.id, limit: 1 } });
	assert.equal(only.headers.get('x-total-count'), '5000');
	assert.equal(only.body[0].sample_id, s2.id);

	const cache = (await vcf('GET', `/orders/${order.id}/cache`)).body;
	assert.equal(cache.status, 'ready');
	assert.equal(cache.variant_count, 10000);
	assert.deepEqual(cache.sample_ids, [s1.id, s2.id]);
	assert.ok(cache.built_at);
	assert.equal((await vcf('GET', '/orders/00000000-0000-4000-8000-000000000000/variants')).status, 404);
});

test('cache rebuild runs on the emulator clock: building → ready, failed on request, roles', async () => {
	const order = await orderWith([await newSample()]);
	await control('POST', '/clock', { mode: 'manual' });
	try {
		const started = await vcf('POST', `/orders/${order.id}/cache`);
		assert.equal(started.status, 202);
		assert.equal(started.body.status, 'building');
		const busy = await vcf('GET', `/orders/${order.id}/variants`);
		assert.equal(busy.status, 409);
		assert.equal(busy.headers.get('retry-after'), '1');
		assert.equal((await vcf('POST', `/orders/${order.id}/cache`)).status, 409, 'one build at a time');

		await control('POST', '/clock/advance', { ms: 1000 });
		const ready = (await vcf('GET', `/orders/${order.id}/cache`)).body;
		assert.equal(ready.status, 'ready');
		assert.equal(ready.variant_count, 5000);

		await vcf('POST', `/orders/${order.id}/cache`, { body: { __emulator_outcome: 'failed', __emulator_duration_ms: 10 } });
		await control('POST', '/clock/advance', { ms: 10 });
		const failed = (await vcf('GET', `/orders/${order.id}/cache`)).body;
		assert.equal(failed.status, 'failed');
		assert.ok(failed.error_message);
		const refused = await vcf('GET', `/orders/${order.id}/variants`);
		assert.equal(refused.status, 409);
		assert.match(refused.body.detail, /rebuild/);

		assert.equal((await vcf('POST', `/orders/${order.id}/cache`, { as: 'viewer' })).status, 403);
		assert.equal((await vcf('POST', `/orders/${order.id}/cache`, { as: 'editor', body: { __emulator_duration_ms: 0 } })).status, 202);
		await control('POST', '/clock/advance', { ms: 0 });
		assert.equal((await vcf('GET', `/orders/${order.id}/variants`, { query: { limit: 1 } })).status, 200);
	} finally {
		await control('POST', '/clock', { mode: 'real' });
	}
});

test('linking or unlinking a sample drops the order cache; the next query rebuilds it', async () => {
	const s1 = await newSample();
	const order = await orderWith([s1]);
	await vcf('GET', `/orders/${order.id}/variants`, { query: { limit: 1 } });
	assert.equal((await vcf('GET', `/orders/${order.id}/cache`)).body.variant_count, 5000);
	const s2 = await newSample();
	await miner('POST', `/orders/${order.id}/samples`, { body: { sample_id: s2.id } });
	assert.equal((await vcf('GET', `/orders/${order.id}/cache`)).body.status, 'not_built');
	const page = await vcf('GET', `/orders/${order.id}/variants`, { query: { limit: 1 } });
	assert.equal(page.headers.get('x-total-count'), '10000');
});

test('each service /openapi.json lists its x-inferred endpoints', async () => {
	const spec = async (service) => (await fetch(`${emu.url}/${service}/openapi.json`)).json();
	const vcfDoc = await spec('vcf');
	for (const path of ['/orders/{order_id}/variants', '/samples/{sample_id}/variants', '/orders/{order_id}/cache']) {
		const item = Object.entries(vcfDoc.paths).find(([p]) => p.endsWith(path));
		assert.ok(item, path);
		for (const op of Object.values(item[1]).filter((o) => o && o.operationId)) assert.equal(op['x-inferred'], true, path);
	}
	const reportDoc = await spec('report');
	const reportPaths = Object.keys(reportDoc.paths);
	assert.ok(reportPaths.some((p) => p.endsWith('/reports/{report_id}/approve-and-sign')));
	assert.ok(reportPaths.some((p) => p.endsWith('/{report_id}/signoff/commit')));
	const minerDoc = await spec('miner');
	const samplesheet = Object.entries(minerDoc.paths).find(([p]) => p.endsWith('/samplesheet'))[1].get;
	assert.ok(samplesheet.parameters.some((p) => (p.name ?? '') === 'format' || String(p.$ref ?? '').includes('format')));
});

test('a run that succeeds for the order drops its cache (new calls are ingested on the next query)', async () => {
	const order = await orderWith([await newSample()]);
	await vcf('GET', `/orders/${order.id}/variants`, { query: { limit: 1 } });
	assert.equal((await vcf('GET', `/orders/${order.id}/cache`)).body.status, 'ready');
	const pipeline = (await call('compute', 'GET', '/api/v1/pipelines/slug/hereditary-mock', { project: null })).body;
	await control('POST', '/clock', { mode: 'manual' });
	try {
		const run = await call('compute', 'POST', '/api/v1/runs', {
			body: { pipeline_id: pipeline.id, order_id: order.id, params: { __emulator_outcome: 'succeeded', __emulator_duration_ms: 100 } },
		});
		assert.equal(run.status, 201, JSON.stringify(run.body));
		assert.equal((await vcf('GET', `/orders/${order.id}/cache`)).body.status, 'ready', 'still the old cache while running');
		await control('POST', '/clock/advance', { ms: 60_000 });
		assert.equal((await call('compute', 'GET', `/api/v1/runs/${run.body.id}`)).body.status, 'succeeded');
		assert.equal((await vcf('GET', `/orders/${order.id}/cache`)).body.status, 'not_built');
	} finally {
		await control('POST', '/clock', { mode: 'real' });
	}
});

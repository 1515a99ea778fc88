// Sampleinfo and samplesheet built from the real state: records + objects in the project bucket
// (uploaded through an emulator-signed PUT URL, or written with the core's bucket helper).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEmulator, PROJECT_A, BUCKET_A, uniqueId } from './miner-http.js';

const { emu, call } = useEmulator();

const miner = (method, path, o) => call('miner', method, `/api/v1${path}`, o);
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/** Upload the way a client does: files POST /upload-url, then PUT to the signed URL. */
async function uploadSigned(key, text) {
	const signed = await call('files', 'POST', '/api/v1/files/upload-url', { body: { path: key, content_type: 'application/gzip' } });
	assert.equal(signed.status, 200, JSON.stringify(signed.body));
	const res = await fetch(signed.body.url, { method: 'PUT', headers: { 'content-type': 'application/gzip' }, body: text });
	assert.equal(res.status, 200, await res.text());
}
const writeObject = (key, text) => emu.emulator.projectFiles.write(PROJECT_A, key, text);

async function subjectWithSample(subjectExtra = {}, sampleExtra = {}) {
	const subject = (await miner('POST', '/subjects', { body: { display_id: uniqueId('SUB'), ...subjectExtra } })).body;
	const sample = (await miner('POST', '/samples', { body: { subject_id: subject.id, display_id: uniqueId('SAM'), ...sampleExtra } })).body;
	return { subject, sample };
}

test('sampleinfo: subject + sample fields, flattened properties, files from the bucket', async () => {
	const { subject, sample } = await subjectWithSample(
		{ sex: 'female', date_of_birth: '1985-03-15', diagnosis: 'Hereditary cancer', properties: { first_name: 'Jane', surname: 'Doe' } },
		{ sample_type: 'somatic', tissue: 'lung', collection_date: '2026-01-15', properties: { specimen_type: 'FFPE' } },
	);
	const dir = `samples/${slug(sample.display_id)}/uploads`;
	await uploadSigned(`${dir}/R1.fastq.gz`, '@r1\nACGT\n+\nFFFF\n');
	await writeObject(`${dir}/R2.fastq.gz`, '@r2\nACGT\n+\nFFFF\n');
	await writeObject(`${dir}/calls.vcf.gz`, 'vcf');
	await writeObject(`${dir}/calls.vcf.gz.tbi`, 'tbi');
	await writeObject(`${dir}/meta/lab.json`, '{}');
	await writeObject(`samples/${slug(sample.display_id)}/other/ignored.txt`, 'x');

	const res = await miner('GET', `/samples/${sample.id}/sampleinfo`);
	assert.equal(res.status, 200);
	const info = res.body;
	assert.equal(info.sample_id, sample.id);
	assert.equal(info.sample_name, sample.display_id);
	assert.equal(info.sample_type, 'somatic');
	assert.equal(info.tissue, 'lung');
	assert.deepEqual(info.properties, { specimen_type: 'FFPE' });
	assert.deepEqual(info.subject, {
		first_name: 'Jane',
		surname: 'Doe',
		subject_id: subject.id,
		subject_name: subject.display_id,
		sex: 'female',
		date_of_birth: '1985-03-15',
		external_id: null,
		diagnosis: 'Hereditary cancer',
	});
	assert.deepEqual(
		info.files.map((f) => [f.path, f.type]),
		[
			[`${dir}/R1.fastq.gz`, 'fastq'],
			[`${dir}/R2.fastq.gz`, 'fastq'],
			[`${dir}/calls.vcf.gz`, 'vcf'],
			[`${dir}/calls.vcf.gz.tbi`, 'tbi'],
			[`${dir}/meta/lab.json`, 'other'],
		],
	);
	assert.equal(info.files[0].uri, `gs://${BUCKET_A}/${dir}/R1.fastq.gz`);
	assert.ok(info.generated_at.endsWith('Z'));
});

test('sampleinfo: no files → empty list; unknown sample → 404; by display_id', async () => {
	const { sample } = await subjectWithSample();
	const res = await miner('GET', `/samples/${encodeURIComponent(sample.display_id)}/sampleinfo`);
	assert.equal(res.status, 200);
	assert.deepEqual(res.body.files, []);
	assert.equal((await miner('GET', '/samples/00000000-0000-4000-8000-000000000000/sampleinfo')).status, 404);
});

test('sample display_id is frozen once it has files (slug rule) → 409', async () => {
	const { sample } = await subjectWithSample();
	await writeObject(`samples/${slug(sample.display_id)}/uploads/x.bam`, 'bam');
	const res = await miner('PATCH', `/samples/${sample.id}`, { body: { display_id: uniqueId('NEW') } });
	assert.equal(res.status, 409);
	assert.match(res.body.detail, /frozen/);
});

test('samplesheet: CSV rows per FASTQ pair from the order samples; JSON format too', async () => {
	const tumour = await subjectWithSample({ sex: 'female' });
	const normal = await miner('POST', '/samples', { body: { subject_id: tumour.subject.id, display_id: uniqueId('SAM') } });
	const other = await subjectWithSample({ sex: 'male' });
	const tDir = `samples/${slug(tumour.sample.display_id)}/uploads`;
	const nDir = `samples/${slug(normal.body.display_id)}/uploads`;
	await uploadSigned(`${tDir}/T_S1_L001_R1_001.fastq.gz`, 'a');
	await uploadSigned(`${tDir}/T_S1_L001_R2_001.fastq.gz`, 'b');
	await writeObject(`${tDir}/T_S1_L002_R1_001.fastq.gz`, 'c');
	await writeObject(`${tDir}/T_S1_L002_R2_001.fastq.gz`, 'd');
	await writeObject(`${nDir}/R1.fastq.gz`, 'e');
	await writeObject(`${nDir}/R2.fastq.gz`, 'f');
	const order = (
		await miner('POST', '/orders', {
			body: {
				display_id: uniqueId('ORD'),
				samples: [
					{ sample_id: tumour.sample.id, role: 'tumour' },
					{ sample_id: normal.body.id, role: 'normal' },
					{ sample_id: other.sample.id, role: 'father' }, // no files → no row
				],
			},
		})
	).body;

	const res = await miner('GET', `/orders/${order.id}/samplesheet`);
	assert.equal(res.status, 200);
	assert.match(res.headers.get('content-type'), /^text\/csv/);
	const gs = (p) => `gs://${BUCKET_A}/${p}`;
	const p = tumour.subject.display_id;
	assert.equal(
		res.body,
		[
			'patient,sex,status,sample,lane,fastq_1,fastq_2',
			`${p},XX,1,${tumour.sample.display_id},L001,${gs(`${tDir}/T_S1_L001_R1_001.fastq.gz`)},${gs(`${tDir}/T_S1_L001_R2_001.fastq.gz`)}`,
			`${p},XX,1,${tumour.sample.display_id},L002,${gs(`${tDir}/T_S1_L002_R1_001.fastq.gz`)},${gs(`${tDir}/T_S1_L002_R2_001.fastq.gz`)}`,
			`${p},XX,0,${normal.body.display_id},L001,${gs(`${nDir}/R1.fastq.gz`)},${gs(`${nDir}/R2.fastq.gz`)}`,
			'',
		].join('\n'),
	);

	const json = await miner('GET', `/orders/${order.id}/samplesheet`, { query: { format: 'json' } });
	assert.equal(json.status, 200);
	assert.equal(json.body.length, 3);
	assert.deepEqual(Object.keys(json.body[0]), ['patient', 'sex', 'status', 'sample', 'lane', 'fastq_1', 'fastq_2']);
	assert.equal(json.body[2].sample, normal.body.display_id);
	assert.equal((await miner('GET', `/orders/${order.id}/samplesheet`, { query: { format: 'xml' } })).status, 422);
});

test('samplesheet: 409 without FASTQ files, 404 unknown order', async () => {
	const empty = (await miner('POST', '/orders', { body: { display_id: uniqueId('ORD') } })).body;
	const none = await miner('GET', `/orders/${empty.id}/samplesheet`);
	assert.equal(none.status, 409);
	assert.match(none.body.detail, /no samples/);
	const { sample } = await subjectWithSample();
	await writeObject(`samples/${slug(sample.display_id)}/uploads/only.bam`, 'bam');
	const noFastq = (await miner('POST', '/orders', { body: { display_id: uniqueId('ORD'), samples: [{ sample_id: sample.id }] } })).body;
	const res = await miner('GET', `/orders/${noFastq.id}/samplesheet`);
	assert.equal(res.status, 409);
	assert.match(res.body.detail, /FASTQ/);
	assert.equal((await miner('GET', '/orders/00000000-0000-4000-8000-000000000000/samplesheet')).status, 404);
});

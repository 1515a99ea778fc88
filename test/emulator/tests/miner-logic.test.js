// Pure domain logic of the miner/vcf/report services (no server): state graph, FASTQ pairing,
// labflow state, variant generator determinism, PDF structure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	allowedTransitions,
	decideTransition,
	normalizeStatus,
	statusMatchesFilter,
} from '../services/miner/order-state-machine.js';
import { pairFastqs, toCsv } from '../services/miner/samplesheet.js';
import { orderLabflowState } from '../services/miner/labflows.js';
import { generateSampleVariants, filterVariants } from '../services/vcf/variants.js';
import { buildPdf } from '../services/report/pdf.js';

test('state graph: allowed moves never include completed', () => {
	assert.deepEqual(allowedTransitions('created'), ['analyzing', 'cancelled']);
	assert.deepEqual(allowedTransitions('analyzing'), ['review', 'sign_off', 'cancelled']);
	assert.deepEqual(allowedTransitions('review'), ['sign_off', 'cancelled']);
	assert.deepEqual(allowedTransitions('sign_off'), ['cancelled']);
	assert.deepEqual(allowedTransitions('completed'), []);
	assert.deepEqual(allowedTransitions('reviewed'), ['cancelled']); // legacy stored value → sign_off
});

test('state graph: decisions, legacy targets and role rules', () => {
	assert.deepEqual(decideTransition({ from: 'created', requested: 'analyzing', role: 'editor' }), {
		ok: true,
		from: 'created',
		to: 'analyzing',
	});
	assert.equal(decideTransition({ from: 'analyzing', requested: 'ready_for_review', role: 'editor' }).to, 'review');
	const illegal = decideTransition({ from: 'review', requested: 'analyzing', role: 'admin' });
	assert.equal(illegal.status, 409);
	assert.equal(illegal.detail, 'Invalid transition from review to analyzing. Allowed: sign_off, cancelled');
	assert.equal(decideTransition({ from: 'sign_off', requested: 'signed_off', role: 'admin' }).status, 409);
	assert.equal(decideTransition({ from: 'created', requested: 'cancelled', role: 'editor' }).status, 403);
	assert.equal(decideTransition({ from: 'created', requested: 'analyzing', role: 'viewer' }).status, 403);
	assert.equal(decideTransition({ from: 'created', requested: 'bogus', role: 'admin' }).status, 422);
	assert.equal(normalizeStatus('amended'), 'completed');
	assert.ok(statusMatchesFilter('sign_off', 'reviewed'));
	assert.ok(!statusMatchesFilter('review', 'reviewed'));
});

test('FASTQ pairing: Illumina names, lanes, single-end and lone mates', () => {
	const rows = pairFastqs([
		'u/S_1_L002_R2_001.fastq.gz',
		'u/S_1_L001_R1_001.fastq.gz',
		'u/S_1_L001_R2_001.fastq.gz',
		'u/S_1_L002_R1_001.fastq.gz',
		'u/notes.txt',
		'u/single.fq',
	]);
	assert.deepEqual(rows, [
		{ lane: 'L001', fastq_1: 'u/S_1_L001_R1_001.fastq.gz', fastq_2: 'u/S_1_L001_R2_001.fastq.gz' },
		{ lane: 'L001', fastq_1: 'u/single.fq', fastq_2: '' },
		{ lane: 'L002', fastq_1: 'u/S_1_L002_R1_001.fastq.gz', fastq_2: 'u/S_1_L002_R2_001.fastq.gz' },
	]);
	assert.equal(toCsv([{ patient: 'a,b', sex: 'XX' }], ['patient', 'sex']), 'patient,sex\n"a,b",XX\n');
});

test('labflow state follows the history, skipped review included', () => {
	const state = orderLabflowState({
		order: { id: 'o1', status: 'sign_off' },
		history: [
			{ from: null, to: 'created', by: 'u', at: 't0' },
			{ from: 'created', to: 'analyzing', by: 'u', at: 't1' },
			{ from: 'analyzing', to: 'sign_off', by: 'u', at: 't2' },
		],
	});
	assert.equal(state.current_stage.code, 'sign_off');
	assert.deepEqual(
		state.stages.map((s) => s.state),
		['completed', 'completed', 'skipped', 'in_progress', 'unassigned'],
	);
	assert.equal(state.last_transition.from_stage, 'analyzing');
});

test('variants are deterministic per sample and filterable', () => {
	const a = generateSampleVariants('sample-a', 500);
	assert.deepEqual(a, generateSampleVariants('sample-a', 500));
	assert.notDeepEqual(a.slice(0, 5), generateSampleVariants('sample-b', 500).slice(0, 5));
	assert.equal(new Set(a.map((v) => v.id)).size, 500);
	const brca1 = filterVariants(a, { gene: 'brca1', filter: 'PASS', min_qual: 50 });
	assert.ok(brca1.length > 0);
	assert.ok(brca1.every((v) => v.gene === 'BRCA1' && v.filter === 'PASS' && v.qual >= 50 && v.chrom === 'chr17'));
});

test('PDF has a header, a valid xref and an EOF marker', () => {
	const pdf = buildPdf({ title: 'Signed (report)', lines: ['Order ORD-1'] }).toString('latin1');
	assert.ok(pdf.startsWith('%PDF-1.4'));
	assert.ok(pdf.trimEnd().endsWith('%%EOF'));
	const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)[1]);
	assert.ok(pdf.slice(xrefAt).startsWith('xref'));
	const offsets = [...pdf.matchAll(/(\d{10}) 00000 n/g)].map((m) => Number(m[1]));
	assert.equal(offsets.length, 6);
	offsets.forEach((off, i) => assert.ok(pdf.slice(off).startsWith(`${i + 1} 0 obj`)));
});

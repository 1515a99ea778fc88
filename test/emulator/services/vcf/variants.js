// @ts-check
// Deterministic synthetic variants: the same sample id always yields the same calls, so tests can
// page through thousands of rows and compare pages. Pure.

/** Real GRCh38 gene spans (approximate) so region and gene filters behave sensibly. */
const GENES = [
	['chr1', 'MUTYH', 45329163, 45340440],
	['chr2', 'MSH2', 47403067, 47634501],
	['chr3', 'MLH1', 36993332, 37050918],
	['chr5', 'APC', 112707498, 112846239],
	['chr7', 'PMS2', 5970925, 6009106],
	['chr7', 'EGFR', 55019017, 55211628],
	['chr10', 'PTEN', 87863113, 87971930],
	['chr11', 'ATM', 108222484, 108369102],
	['chr12', 'KRAS', 25205246, 25250936],
	['chr13', 'BRCA2', 32315474, 32400266],
	['chr16', 'PALB2', 23603160, 23641310],
	['chr17', 'TP53', 7668402, 7687550],
	['chr17', 'BRCA1', 43044295, 43125483],
	['chr19', 'STK11', 1205778, 1228430],
	['chr22', 'CHEK2', 28687743, 28742422],
];
const CHROM_ORDER = [...Array.from({ length: 22 }, (_, i) => `chr${i + 1}`), 'chrX', 'chrY', 'chrM'];
const BASES = ['A', 'C', 'G', 'T'];
const CONSEQUENCES = [
	['missense_variant', 30],
	['synonymous_variant', 20],
	['intron_variant', 25],
	['frameshift_variant', 4],
	['stop_gained', 3],
	['splice_region_variant', 6],
	['3_prime_UTR_variant', 7],
	['5_prime_UTR_variant', 5],
];
const CLINVAR = [
	['pathogenic', 3],
	['likely_pathogenic', 4],
	['uncertain_significance', 18],
	['likely_benign', 20],
	['benign', 25],
	[null, 30],
];
const AMINO = ['Ala', 'Arg', 'Asn', 'Asp', 'Cys', 'Gln', 'Glu', 'Gly', 'His', 'Ile', 'Leu', 'Lys', 'Met', 'Phe', 'Pro', 'Ser', 'Thr', 'Trp', 'Tyr', 'Val'];

export const DEFAULT_VARIANTS_PER_SAMPLE = 5000;

/** 32-bit FNV-1a hash of a string. */
export function hashString(text) {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for test data. */
export function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function weighted(rand, table) {
	const total = table.reduce((s, [, w]) => s + w, 0);
	let pick = rand() * total;
	for (const [value, w] of table) {
		pick -= w;
		if (pick < 0) return value;
	}
	return table[table.length - 1][0];
}

const pickOf = (rand, list) => list[Math.floor(rand() * list.length)];

export function compareVariants(a, b) {
	return CHROM_ORDER.indexOf(a.chrom) - CHROM_ORDER.indexOf(b.chrom) || a.pos - b.pos || a.alt.localeCompare(b.alt);
}

function oneVariant(rand, sampleId) {
	const [chrom, gene, start, end] = pickOf(rand, GENES);
	const pos = start + Math.floor(rand() * (end - start));
	const ref = pickOf(rand, BASES);
	const indel = rand() < 0.12;
	const alt = indel
		? ref + Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pickOf(rand, BASES)).join('')
		: pickOf(rand, BASES.filter((b) => b !== ref));
	const consequence = indel ? 'frameshift_variant' : weighted(rand, CONSEQUENCES);
	const homozygous = rand() < 0.3;
	const depth = 15 + Math.floor(rand() * 185);
	const qual = Math.round((5 + rand() * 995) * 10) / 10;
	const cdsPos = 1 + Math.floor(rand() * 5000);
	const aaPos = Math.ceil(cdsPos / 3);
	const coding = consequence === 'missense_variant' || consequence === 'stop_gained' || consequence === 'synonymous_variant';
	const fromAa = pickOf(rand, AMINO);
	const toAa = consequence === 'stop_gained' ? 'Ter' : consequence === 'synonymous_variant' ? fromAa : pickOf(rand, AMINO);
	const af = rand() < 0.25 ? null : Number((rand() ** 3 * 0.5).toPrecision(3));
	return {
		id: `${sampleId}:${chrom}:${pos}:${ref}>${alt}`,
		sample_id: sampleId,
		chrom,
		pos,
		ref,
		alt,
		qual,
		filter: qual < 30 ? 'LowQual' : rand() < 0.05 ? 'LowDP' : 'PASS',
		gene,
		consequence,
		genotype: homozygous ? '1/1' : '0/1',
		zygosity: homozygous ? 'hom_alt' : 'het',
		depth,
		allele_fraction: homozygous ? Number((0.9 + rand() * 0.1).toFixed(3)) : Number((0.3 + rand() * 0.4).toFixed(3)),
		hgvs_c: indel ? `c.${cdsPos}_${cdsPos + 1}ins${alt.slice(1)}` : `c.${cdsPos}${ref}>${alt}`,
		hgvs_p: coding ? `p.${fromAa}${aaPos}${toAa}` : null,
		gnomad_af: af,
		clinvar: weighted(rand, CLINVAR),
	};
}

/**
 * All variants of one sample, sorted by position, unique by (chrom, pos, ref, alt).
 * @param {string} sampleId
 * @param {number} [count]
 */
export function generateSampleVariants(sampleId, count = DEFAULT_VARIANTS_PER_SAMPLE) {
	const rand = prng(hashString(sampleId));
	const byId = new Map();
	while (byId.size < count) {
		const v = oneVariant(rand, sampleId);
		if (!byId.has(v.id)) byId.set(v.id, v);
	}
	return [...byId.values()].sort(compareVariants);
}

/**
 * Apply the query filters of the variant endpoints.
 * @param {any[]} variants
 * @param {{chrom?: string, start?: number, end?: number, gene?: string, min_qual?: number,
 *   filter?: string, consequence?: string, clinvar?: string, sample_id?: string}} q
 */
export function filterVariants(variants, q) {
	const chrom = q.chrom ? (String(q.chrom).startsWith('chr') ? q.chrom : `chr${q.chrom}`) : null;
	const gene = q.gene ? String(q.gene).toUpperCase() : null;
	return variants.filter(
		(v) =>
			(!chrom || v.chrom === chrom) &&
			(q.start == null || v.pos >= q.start) &&
			(q.end == null || v.pos <= q.end) &&
			(!gene || v.gene === gene) &&
			(q.min_qual == null || v.qual >= q.min_qual) &&
			(!q.filter || v.filter === q.filter) &&
			(!q.consequence || v.consequence === q.consequence) &&
			(!q.clinvar || v.clinvar === q.clinvar) &&
			(!q.sample_id || v.sample_id === q.sample_id),
	);
}

/** `position` (default, genomic order) or `qual_desc` (best calls first, ties by position). */
export function sortVariants(variants, sort = 'position') {
	if (sort === 'qual_desc') return [...variants].sort((a, b) => b.qual - a.qual || compareVariants(a, b));
	return variants;
}

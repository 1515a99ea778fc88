import { recordView } from '../../shared/helpers';

/**
 * A variant call as a report reads it: which sample, where, what (HGVS, consequence), how it is
 * classified (ClinVar) and how common (gnomAD), zygosity and allele fraction, FILTER and QUAL.
 * Left out: the genotype string, depth and any other annotation the server adds.
 */
export const VARIANT_VIEW = recordView([
	'id',
	'sample_display_id',
	'sample_id',
	'gene',
	'chrom',
	'pos',
	'ref',
	'alt',
	'hgvs_c',
	'hgvs_p',
	'consequence',
	'zygosity',
	'allele_fraction',
	'clinvar',
	'gnomad_af',
	'filter',
	'qual',
]);

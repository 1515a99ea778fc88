// @ts-check
// Bucket-path conventions shared by sampleinfo, samplesheet and report (docs/flow-api.md §4.5).
import { slugify } from '../../core/ids.js';

export function sampleUploadsPrefix(sample) {
	return `samples/${slugify(sample.display_id)}/uploads/`;
}

export function signedReportPath(order) {
	return `orders/${slugify(order.display_id)}/signed-report.pdf`;
}

/** gs://bucket/path — the bucket name may be stored with a scheme prefix. */
export function gsUri(bucket, path) {
	const name = String(bucket).replace(/^(gs|s3):\/\//, '').replace(/\/+$/, '');
	return `gs://${name}/${path}`;
}

/** @type {[RegExp, string][]} */
const FILE_TYPES = [
	[/\.(fastq|fq)(\.gz)?$/i, 'fastq'],
	[/\.bam$/i, 'bam'],
	[/\.bai$/i, 'bai'],
	[/\.vcf(\.gz)?$/i, 'vcf'],
	[/\.tbi$/i, 'tbi'],
];

/** Sampleinfo file type: fastq | bam | bai | vcf | tbi | other. */
export function fileType(path) {
	for (const [re, type] of FILE_TYPES) if (re.test(path)) return type;
	return 'other';
}

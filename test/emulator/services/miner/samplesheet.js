// @ts-check
// nf-core/sarek-style samplesheet (docs/flow-api.md §9.3 INFERRED columns). Pure.
import { fileType, gsUri } from './files.js';

export const SAMPLESHEET_COLUMNS = ['patient', 'sex', 'status', 'sample', 'lane', 'fastq_1', 'fastq_2'];

const SEX_CODES = { female: 'XX', male: 'XY' };

/** Read 1 / read 2 marker in a FASTQ name: `R1.fastq`, `_R2_001.`, `_1.fq` … (the last one wins). */
const READ_RE = /(^|[._-])R?([12])(?=([._-][^/]*)?\.(fastq|fq)(\.gz)?$)/gi;
const LANE_RE = /(?:^|[._-])(L\d{3})(?=[._-])/i;

function laneOf(name) {
	const match = LANE_RE.exec(name);
	return match ? match[1].toUpperCase() : 'L001';
}

/**
 * Group FASTQ paths into (lane, read1, read2) pairs. A file with no read marker, or with no mate,
 * becomes a single-end row (fastq_2 empty).
 * @param {string[]} paths bucket-relative object paths
 */
export function pairFastqs(paths) {
	const fastqs = paths.filter((p) => fileType(p) === 'fastq').sort();
	const pairs = new Map();
	const singles = [];
	for (const path of fastqs) {
		const name = path.slice(path.lastIndexOf('/') + 1);
		const read = [...name.matchAll(READ_RE)].pop();
		if (!read || read.index === undefined) {
			singles.push({ lane: laneOf(name), fastq_1: path, fastq_2: '' });
			continue;
		}
		const markerEnd = read.index + read[0].length;
		const key = path.slice(0, path.length - name.length) + name.slice(0, markerEnd - 1) + '#' + name.slice(markerEnd);
		const pair = pairs.get(key) ?? { lane: laneOf(name), fastq_1: '', fastq_2: '' };
		pair[read[2] === '1' ? 'fastq_1' : 'fastq_2'] = path;
		pairs.set(key, pair);
	}
	const rows = [...pairs.values()].map((p) => (p.fastq_1 ? p : { lane: p.lane, fastq_1: p.fastq_2, fastq_2: '' }));
	return [...rows, ...singles].sort((a, b) => a.lane.localeCompare(b.lane) || a.fastq_1.localeCompare(b.fastq_1));
}

/**
 * @param {{bucket: string, entries: {sample: any, subject: any, role: string, files: string[]}[]}} input
 *   entries in link order; files are bucket-relative paths under the sample's uploads folder
 * @returns {Record<string, string>[]} one row per FASTQ pair
 */
export function buildSamplesheetRows({ bucket, entries }) {
	const rows = [];
	for (const { sample, subject, role, files } of entries) {
		for (const pair of pairFastqs(files)) {
			rows.push({
				patient: subject?.display_id ?? '',
				sex: SEX_CODES[subject?.sex] ?? 'NA',
				status: role === 'tumour' ? '1' : '0',
				sample: sample.display_id,
				lane: pair.lane,
				fastq_1: gsUri(bucket, pair.fastq_1),
				fastq_2: pair.fastq_2 ? gsUri(bucket, pair.fastq_2) : '',
			});
		}
	}
	return rows;
}

function csvCell(value) {
	const text = String(value ?? '');
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows, columns = SAMPLESHEET_COLUMNS) {
	const lines = [columns.join(',')];
	for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
	return `${lines.join('\n')}\n`;
}

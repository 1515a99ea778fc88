'use strict';
// Pure helpers of `npm run bench`: medians over rounds, the side order of each round, and the
// one table it prints (tested in test/scripts/bench-report.test.js).

/** Median (mean of the middle two for an even count); undefined for no values. */
function median(values) {
	const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return undefined;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The sides in the order round `round` runs them: rotated by one each round, so every side
 * takes every position when there are at least as many rounds as sides (cancels drift). */
function rotate(list, round) {
	if (list.length === 0) return [];
	const shift = round % list.length;
	return [...list.slice(shift), ...list.slice(0, shift)];
}

/**
 * One row per side: median seconds, ratio to the case's raw side and to the by-hand side it is
 * paired with, median and max RSS growth of the n8n process (null for sides without n8n).
 * A failed round is a measure with `error` (and no seconds): left out of the medians, counted.
 * `cases`: [{ title, rawKey, sides: [{ key, label, pair?, n8n? }], measures: { [key]: [{seconds, rssMiB} | {error}] } }]
 */
function summarize(cases) {
	const rows = [];
	for (const c of cases) {
		const seconds = (key) => median((c.measures[key] ?? []).map((m) => m.seconds));
		const raw = seconds(c.rawKey);
		c.sides.forEach((side, index) => {
			const s = seconds(side.key);
			const failed = (c.measures[side.key] ?? []).filter((m) => m.error).length;
			const rss = (c.measures[side.key] ?? []).map((m) => m.rssMiB).filter((v) => typeof v === 'number');
			const paired = side.pair ? seconds(side.pair) : undefined;
			rows.push({
				case: index === 0 ? c.title : '',
				side: failed > 0 ? `${side.label} — **failed in ${failed} round${failed > 1 ? 's' : ''}**` : side.label,
				seconds: s,
				rounds: (c.measures[side.key] ?? []).length - failed,
				failed,
				vsRaw: ratio(s, raw),
				vsByHand: ratio(s, paired),
				rssMedian: side.n8n ? median(rss) : undefined,
				rssMax: side.n8n && rss.length > 0 ? Math.max(...rss) : undefined,
			});
		});
	}
	return rows;
}

function ratio(value, base) {
	return typeof value === 'number' && typeof base === 'number' && base > 0 ? value / base : undefined;
}

const fixed = (value, digits) => (typeof value === 'number' ? value.toFixed(digits) : '–');
const times = (value) => (typeof value === 'number' ? `${value.toFixed(2)}×` : '');

function rssCell(row) {
	if (row.rssMedian === undefined) return '–';
	return `${fixed(row.rssMedian, 0)} (max ${fixed(row.rssMax, 0)})`;
}

/** The markdown table, headed by `heading` lines (machine, load, rounds). */
function formatTable(rows, heading = []) {
	const lines = [...heading];
	if (heading.length > 0) lines.push('');
	lines.push('| case | side | seconds | × raw | × by hand | n8n RSS growth MiB, median (max) |');
	lines.push('|---|---|---:|---:|---:|---:|');
	for (const row of rows) {
		lines.push(
			`| ${row.case} | ${row.side} | ${fixed(row.seconds, 2)} | ${times(row.vsRaw)} | ${times(row.vsByHand)} | ${rssCell(row)} |`,
		);
	}
	return `${lines.join('\n')}\n`;
}

module.exports = { median, rotate, summarize, formatTable, ratio };

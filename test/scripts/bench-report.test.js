'use strict';
// The arithmetic and table of `npm run bench` (bench/lib/report.js) on fixed inputs.
const test = require('node:test');
const assert = require('node:assert/strict');
const { median, rotate, summarize, formatTable } = require('../../bench/lib/report');

test('median: odd count takes the middle, even count the mean of the middle two, junk ignored', () => {
	assert.equal(median([3, 1, 2]), 2);
	assert.equal(median([4, 1, 3, 2]), 2.5);
	assert.equal(median([5, undefined, NaN, 1, 3]), 3);
	assert.equal(median([]), undefined);
});

test('rotate: each round starts one side later, so every side takes every position', () => {
	const sides = ['raw', 'hand', 'node'];
	assert.deepEqual(rotate(sides, 0), ['raw', 'hand', 'node']);
	assert.deepEqual(rotate(sides, 1), ['hand', 'node', 'raw']);
	assert.deepEqual(rotate(sides, 2), ['node', 'raw', 'hand']);
	assert.deepEqual(rotate(sides, 3), sides);
	assert.deepEqual(rotate([], 4), []);
});

const CASES = [
	{
		title: 'Create Sample × 50',
		rawKey: 'raw',
		sides: [
			{ key: 'raw', label: 'raw fetch loop' },
			{ key: 'hand', label: 'HTTP Request', n8n: true },
			{ key: 'node', label: 'iFlow Miner', n8n: true, pair: 'hand' },
		],
		measures: {
			raw: [{ seconds: 0.1 }, { seconds: 0.3 }, { seconds: 0.2 }],
			hand: [
				{ seconds: 0.5, rssMiB: 4 },
				{ seconds: 0.4, rssMiB: 10 },
				{ seconds: 0.6, rssMiB: 6 },
			],
			node: [
				{ seconds: 0.8, rssMiB: 1 },
				{ seconds: 0.6, rssMiB: 3 },
				{ seconds: 0.7, rssMiB: 2.4 },
			],
		},
	},
];

test('summarize: median seconds, ratios to raw and to the paired by-hand side, RSS median and max', () => {
	const rows = summarize(CASES);
	assert.equal(rows.length, 3);
	assert.deepEqual(
		rows.map((r) => [r.case, r.side, r.seconds, r.rounds]),
		[
			['Create Sample × 50', 'raw fetch loop', 0.2, 3],
			['', 'HTTP Request', 0.5, 3],
			['', 'iFlow Miner', 0.7, 3],
		],
	);
	assert.equal(rows[0].vsRaw, 1);
	assert.equal(rows[2].vsRaw.toFixed(3), '3.500');
	assert.equal(rows[2].vsByHand.toFixed(3), '1.400');
	assert.equal(rows[1].vsByHand, undefined, 'a side without a pair has no by-hand ratio');
	assert.equal(rows[0].rssMedian, undefined, 'no n8n, no RSS');
	assert.deepEqual([rows[1].rssMedian, rows[1].rssMax], [6, 10]);
	assert.deepEqual([rows[2].rssMedian, rows[2].rssMax], [2.4, 3]);
});

test('formatTable: one markdown table under the heading lines', () => {
	const text = formatTable(summarize(CASES), ['Bench (quick)', 'load 1.00']);
	assert.equal(
		text,
		[
			'Bench (quick)',
			'load 1.00',
			'',
			'| case | side | seconds | × raw | × by hand | n8n RSS growth MiB, median (max) |',
			'|---|---|---:|---:|---:|---:|',
			'| Create Sample × 50 | raw fetch loop | 0.20 | 1.00× |  | – |',
			'|  | HTTP Request | 0.50 | 2.50× |  | 6 (max 10) |',
			'|  | iFlow Miner | 0.70 | 3.50× | 1.40× | 2 (max 3) |',
			'',
		].join('\n'),
	);
});

test('summarize: failed rounds are left out of the medians and named in the side', () => {
	const [row] = summarize([
		{
			title: 'x',
			rawKey: 'raw',
			sides: [{ key: 'node', label: 'n', n8n: true }],
			measures: { node: [{ seconds: 2, rssMiB: 1 }, { error: 'ECONNRESET' }, { seconds: 4, rssMiB: 3 }] },
		},
	]);
	assert.deepEqual([row.seconds, row.rounds, row.failed, row.rssMedian], [3, 2, 1, 2]);
	assert.equal(row.side, 'n — **failed in 1 round**');
});

test('summarize: a side that never produced a measure shows dashes, not NaN', () => {
	const [row] = summarize([
		{ title: 'x', rawKey: 'raw', sides: [{ key: 'node', label: 'n', n8n: true }], measures: {} },
	]);
	assert.equal(row.seconds, undefined);
	assert.match(formatTable([row]), /\| x \| n \| – \|  \|  \| – \|/);
});

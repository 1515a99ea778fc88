import { bucketFromUri } from '../../../nodes/IFlowCompute/helpers/outputs';
import { latestSucceeded, pairsToParams, terminalStatus } from '../../../nodes/IFlowCompute/helpers/runs';
import { splitTags } from '../../../nodes/shared/helpers';
import { pauseMs } from '../../../nodes/IFlowCompute/helpers/wait';

describe('compute helpers', () => {
	test('terminal statuses; unknown values count as still running', () => {
		expect(terminalStatus({ status: 'Succeeded' })).toBe('succeeded');
		expect(terminalStatus({ status: 'canceled' })).toBe('cancelled');
		expect(terminalStatus({ status: 'failed' })).toBe('failed');
		for (const status of ['queued', 'running', 'pending', 'submitted', '', undefined]) {
			expect(terminalStatus({ status })).toBeUndefined();
		}
	});

	test('latest succeeded run by created_at, ties keep the list order (newest first)', () => {
		const runs = [
			{ id: 'c', status: 'failed', created_at: '2026-01-03T00:00:00Z' },
			{ id: 'b', status: 'succeeded', created_at: '2026-01-02T00:00:00Z' },
			{ id: 'b2', status: 'succeeded', created_at: '2026-01-02T00:00:00Z' },
			{ id: 'a', status: 'succeeded', created_at: '2026-01-01T00:00:00Z' },
		];
		expect(latestSucceeded(runs)?.id).toBe('b');
		expect(latestSucceeded([...runs].reverse())?.id).toBe('b2');
		expect(latestSucceeded([{ id: 'x', status: 'running' }])).toBeUndefined();
	});

	test('key/value params: repeated names become lists, empty names are skipped', () => {
		expect(
			pairsToParams([
				{ name: 'case_id', value: 'P-1' },
				{ name: 'fq', value: 'a' },
				{ name: 'fq', value: 'b' },
				{ name: 'fq', value: 'c' },
				{ name: ' ', value: 'ignored' },
			]),
		).toEqual({ case_id: 'P-1', fq: ['a', 'b', 'c'] });
	});

	test('tags split on commas and new lines, trimmed and unique', () => {
		expect(splitTags('lis, urgent,\nlis,, ')).toEqual(['lis', 'urgent']);
		expect(splitTags('')).toEqual([]);
	});

	test('bucket from an output path', () => {
		expect(bucketFromUri('gs://bgl-hereditary-2026/analyses/run-1/')).toBe('bgl-hereditary-2026');
		expect(bucketFromUri('s3://bgl-somatic-research/x')).toBe('bgl-somatic-research');
		expect(bucketFromUri(null)).toBeUndefined();
		expect(bucketFromUri('analyses/run-1/')).toBeUndefined();
	});

	test('pauses grow by 1.25× and stop at 8× the interval', () => {
		const pauses = Array.from({ length: 12 }, (_, i) => pauseMs(15_000, i));
		expect(pauses[0]).toBe(15_000);
		expect(pauses[1]).toBe(18_750);
		expect(Math.max(...pauses)).toBe(120_000);
		expect(pauses.every((p, i) => i === 0 || p >= pauses[i - 1])).toBe(true);
	});
});

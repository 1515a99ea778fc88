import { sortEvents } from '../../../nodes/IFlowAudit/actions/event/getMany.operation';

const event = (id: string, occurred_at: string | null) => ({ id, occurred_at });

describe('Audit events sorted by the node', () => {
	// As a server lists them by default: newest first; b and c share a (whole) second.
	const newestFirst = [
		event('d', '2026-01-13T10:00:03Z'),
		event('c', '2026-01-13T10:00:02Z'),
		event('b', '2026-01-13T10:00:02Z'),
		event('a', '2026-01-13T10:00:01Z'),
	];

	test('oldest first from a newest-first server: ties turned round too', () => {
		expect(sortEvents(newestFirst, 'asc', 'desc').map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
	});

	test('newest first keeps the server order of ties', () => {
		const shuffled = [newestFirst[3], newestFirst[1], newestFirst[0], newestFirst[2]];
		expect(sortEvents(shuffled, 'desc', 'desc').map((e) => e.id)).toEqual(['d', 'c', 'b', 'a']);
	});

	test('a server that already sorted oldest first stays as it is', () => {
		const oldestFirst = [...newestFirst].reverse();
		expect(sortEvents(oldestFirst, 'asc', 'asc').map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
	});

	test('events without a readable time go last; the input is not changed', () => {
		const input = [event('x', null), ...newestFirst];
		expect(sortEvents(input, 'asc', 'desc').map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'x']);
		expect(input[0].id).toBe('x');
	});
});

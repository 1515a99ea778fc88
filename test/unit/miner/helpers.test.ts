import type { INode } from 'n8n-workflow';

import { csvRecords, parseCsv } from '../../../nodes/IFlowMiner/helpers/csv';
import { allowedMoves, currentStatus } from '../../../nodes/IFlowMiner/helpers/enums';
import { buildBody, toIsoDate } from '../../../nodes/IFlowMiner/helpers/values';
import { splitTags } from '../../../nodes/shared/helpers';
import { SIMPLIFY } from '../../../nodes/IFlowMiner/actions/simplify';
import { ORDER_VIEW } from '../../../nodes/IFlowMiner/helpers/views';

const ctx = { getNode: () => ({ name: 'iFlow Miner' }) as INode };

describe('miner helpers', () => {
	test('dates: picker values, ISO text, Date objects → YYYY-MM-DD; nonsense names the field', () => {
		expect(toIsoDate(ctx, '2026-01-15T23:30:00.000+02:00', 'Due Date', 0)).toBe('2026-01-15');
		expect(toIsoDate(ctx, '2026-01-15', 'Due Date', 0)).toBe('2026-01-15');
		expect(toIsoDate(ctx, new Date('2026-01-15T12:00:00Z'), 'Due Date', 0)).toBe('2026-01-15');
		expect(toIsoDate(ctx, { toISODate: () => '2026-02-01' }, 'Due Date', 0)).toBe('2026-02-01');
		expect(() => toIsoDate(ctx, '2026-02-30', 'Due Date', 0)).toThrow(/'Due Date' must be a date/);
		expect(() => toIsoDate(ctx, '01/02/2026', 'Due Date', 0)).toThrow(/'Due Date'/);
	});

	test('tags from text or a list', () => {
		expect(splitTags(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
		expect(splitTags(['x', ' y '])).toEqual(['x', 'y']);
	});

	test('buildBody skips empty values and maps enum aliases', () => {
		const body = buildBody(
			ctx,
			0,
			[
				{
					param: 'priority',
					key: 'priority',
					label: 'Priority',
					kind: 'enum',
					values: ['low', 'medium', 'high'],
					aliases: { stat: 'high' },
				},
				{ param: 'notes', key: 'notes', label: 'Notes', kind: 'string' },
				{ param: 'properties', key: 'properties', label: 'Properties', kind: 'json' },
			],
			{ priority: 'STAT', notes: '', properties: '{"a":1}' },
		);
		expect(body).toEqual({ priority: 'high', properties: { a: 1 } });
	});

	test('CSV: quotes, doubled quotes, CRLF, blank lines', () => {
		expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n\n')).toEqual([
			['a', 'b'],
			['x, y', 'say "hi"'],
		]);
		expect(csvRecords('patient,sample\nP1,S1\nP2,')).toEqual([
			{ patient: 'P1', sample: 'S1' },
			{ patient: 'P2', sample: '' },
		]);
		expect(csvRecords('')).toEqual([]);
	});

	test('statuses of both eras and the moves from them', () => {
		expect(currentStatus('reviewed')).toBe('sign_off');
		expect(currentStatus('Analyzing')).toBe('analyzing');
		expect(currentStatus('done')).toBeUndefined();
		expect(allowedMoves({ status: 'ready_for_review' })).toEqual(['sign_off', 'cancelled']);
		expect(allowedMoves({ status: 'review', allowed_transitions: ['cancelled'] })).toEqual(['cancelled']);
	});

	test('simplified order of the older era', () => {
		expect(
			ORDER_VIEW({
				id: '1',
				name: 'ORD-1',
				status: 'signed_off',
				priority: 'routine',
				clinical_indication: 'x',
				extra: 1,
			}),
		).toEqual({ id: '1', display_id: 'ORD-1', status: 'completed', priority: 'low', indication: 'x' });
	});

	test('simplified results of Create (the linked samples) and Transition (alreadyInStatus) keep what the node adds', () => {
		const order = { id: '1', display_id: 'ORD-1', status: 'created', properties: { big: 1 } };
		const samples = [{ sample_id: 's', display_id: 'SAM-1', role: 'proband' }];
		expect(SIMPLIFY.order.create.view({ ...order, samples })).toEqual({
			id: '1',
			display_id: 'ORD-1',
			status: 'created',
			samples,
		});
		expect(SIMPLIFY.order.transition.view({ ...order, alreadyInStatus: true })).toMatchObject({
			id: '1',
			alreadyInStatus: true,
		});
	});
});

import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

import { attemptsText, isOutcomeUnknown, markOutcomeUnknown } from '../../../nodes/shared/transport/errors';
import { createOnce, differingFields, holds, MAX_RESENDS } from '../../../nodes/shared/transport/reconcile';
import type { NaturalKey } from '../../../nodes/shared/transport/reconcile';
import { summarizeOutcomes } from '../../../nodes/shared/transport/retry';

const node = { id: 'n', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

function lost() {
	const error = new NodeApiError(node, { code: 'ECONNRESET' }, { message: 'Could not reach iFlow' });
	error.message = 'Could not reach iFlow'; // as the transport does: n8n derives its own from the code
	return markOutcomeUnknown(error);
}
const http = (status: number) =>
	new NodeApiError(node, { status }, { message: `HTTP ${status}`, httpCode: String(status) });

/** A create that fails with the given errors, then succeeds; counts its sends. */
function sender(failures: Error[], store: IDataObject[], commitOnFailure: boolean[] = []) {
	let sends = 0;
	const send = async () => {
		const index = sends++;
		if (index < failures.length) {
			if (commitOnFailure[index]) store.push({ id: `r${index}`, display_id: 'X' });
			throw failures[index];
		}
		const record = { id: `r${index}`, display_id: 'X' };
		store.push(record);
		return record;
	};
	return { send, sends: () => sends };
}

const keyOver = (store: IDataObject[], extra: Partial<NaturalKey> = {}): NaturalKey => ({
	label: 'subject "X"',
	unique: true,
	find: async () => store[0],
	...extra,
});

describe('createOnce', () => {
	test('a lost answer after the record was stored: found, not sent again, flagged recovered', async () => {
		const store: IDataObject[] = [];
		const { send, sends } = sender([lost()], store, [true]);
		await expect(createOnce(node, 0, send, keyOver(store))).resolves.toEqual({
			id: 'r0',
			display_id: 'X',
			recovered: true,
		});
		expect(sends()).toBe(1);
		expect(store).toHaveLength(1);
	});

	test('a lost answer before anything was stored: certainly absent, sent again', async () => {
		const store: IDataObject[] = [];
		const { send, sends } = sender([lost(), lost()], store);
		await expect(createOnce(node, 0, send, keyOver(store))).resolves.toEqual({ id: 'r2', display_id: 'X' });
		expect(sends()).toBe(3);
	});

	test('resends are bounded; the error says nothing was created', async () => {
		const store: IDataObject[] = [];
		const { send, sends } = sender(Array.from({ length: 10 }, lost), store);
		const error = await createOnce(node, 0, send, keyOver(store)).catch((e: Error & { description?: string }) => e);
		expect(sends()).toBe(MAX_RESENDS + 1);
		expect((error as { description?: string }).description).toMatch(/did not find it: nothing was created/);
	});

	test("a look-up that cannot tell keeps the create's error and says so", async () => {
		const store: IDataObject[] = [];
		const { send, sends } = sender([lost()], store);
		const key = keyOver(store, { find: async () => await Promise.reject(new Error('HTTP 500')) });
		const error = (await createOnce(node, 0, send, key).catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe('Could not reach iFlow');
		expect(error.description).toMatch(/looked for subject "X" in iFlow .* could not tell \(HTTP 500\)/);
		expect(sends()).toBe(1);
	});

	test('a found record with other values is not taken as ours', async () => {
		const store: IDataObject[] = [{ id: 'old', display_id: 'X', sex: 'male' }];
		const { send } = sender([lost()], store);
		const key = keyOver(store, { differences: (record) => differingFields({ sex: 'female' }, record) });
		await expect(createOnce(node, 0, send, key)).rejects.toThrow('Subject "X" exists in iFlow with other values (sex)');
	});

	test('a 409 on a resend means the first create went through late: looked up again', async () => {
		const store: IDataObject[] = [];
		let sends = 0;
		const send = async () => {
			sends++;
			if (sends === 1) throw lost();
			store.push({ id: 'late', display_id: 'X' }); // the first create commits only now
			throw http(409);
		};
		await expect(createOnce(node, 0, send, keyOver(store))).resolves.toMatchObject({ id: 'late', recovered: true });
	});

	test('without a key, or for a clear error, nothing is looked up', async () => {
		const find = jest.fn();
		await expect(createOnce(node, 0, async () => await Promise.reject(lost()), undefined)).rejects.toThrow(
			'Could not reach',
		);
		await expect(
			createOnce(node, 0, async () => await Promise.reject(http(409)), { label: 'x', unique: true, find }),
		).rejects.toThrow('HTTP 409');
		expect(find).not.toHaveBeenCalled();
	});

	test('a key the server does not keep unique checks absence twice before sending again', async () => {
		const store: IDataObject[] = [];
		const find = jest.fn(async () => store[0]);
		const { send, sends } = sender([lost()], store);
		await createOnce(node, 0, send, { label: 'a run', unique: false, settleMs: 10, find });
		expect(find).toHaveBeenCalledTimes(2);
		expect(sends()).toBe(2);
	});
});

describe('what counts as the same record', () => {
	test.each([
		['a', 'a', true],
		[' a ', 'a', true],
		['a', 'b', false],
		['2026-01-15', '2026-01-15T00:00:00Z', true],
		[['x'], ['x', 'y'], true],
		[['z'], ['x'], false],
		[{ a: 1 }, { a: 1, b: 2 }, true],
		[{ a: 1 }, { a: 2 }, false],
		[5, '5', true],
		[null, null, true],
	])('%j in %j: %s', (sent, kept, same) => expect(holds(sent, kept)).toBe(same));

	test('fields the server does not return are not compared', () => {
		expect(differingFields({ a: 1, b: 2, c: 3 }, { a: 1, c: 4 }, [])).toEqual(['c']);
		expect(differingFields({ force: true, a: 1 }, { a: 1, force: false }, ['force'])).toEqual([]);
	});
});

describe('outcome marks and attempt summaries', () => {
	test('only marked errors have an unknown outcome', () => {
		expect(isOutcomeUnknown(lost())).toBe(true);
		expect(isOutcomeUnknown(http(502))).toBe(false);
		expect(isOutcomeUnknown(new Error('x'))).toBe(false);
	});

	test('repeats are counted', () => {
		expect(summarizeOutcomes(['429', '429', '503', 'ECONNRESET', '429'])).toBe('429 ×2, 503, ECONNRESET, 429');
		expect(
			attemptsText({
				service: 's',
				method: 'GET',
				path: '/',
				attempts: 3,
				waitedMs: 4200,
				outcomes: ['503', '503', '503'],
			}),
		).toBe('after 3 attempts over 4 s (503 ×3)');
		expect(attemptsText({ service: 's', method: 'GET', path: '/' })).toBe('after 1 attempt');
	});
});

// The contract every operation of every iFlow action node keeps (table: operations.ts):
// - a valid call sends its request (method and path) and its items point back at their input item;
// - Continue On Fail turns a failure into an error item (with the HTTP code) per input item, and
//   the On Error "error output" routes it there;
// - an ID no record has is the server's 404, item by item: the other items go on;
// - input the node can check itself is refused naming the field, before any request;
// - on a server with only the published reference, an operation beyond it is "not offered".
import type { INodeExecutionData } from 'n8n-workflow';

import { TOKENS, type EmulatorHandle, type EmulatorRequest } from '../../helpers/emulator';
import { nodeRunner, useEmulator } from '../../helpers/suite';
import { SUITE_PROFILE } from '../profile';
import { OPERATIONS, type Invalid, type Made, type Operation } from './operations';

const emulator = useEmulator({ clock: 'manual' });
const documented = SUITE_PROFILE === 'documented';
const EXPIRED = { accessToken: TOKENS.expired };

const title = (op: Operation) => `${op.service} › ${op.resource} › ${op.operation}`;
const offered = OPERATIONS.filter((op) => !(documented && op.beyondReference));
const notOffered = OPERATIONS.filter((op) => documented && op.beyondReference);

/** The exact message, or one matching the pattern. */
const matching = (error: string | RegExp) => (typeof error === 'string' ? error : expect.stringMatching(error));

/** The requests logged, but for the project look-ups of cases that check a path's bucket. */
async function requestsBeyondBucket(emu: EmulatorHandle, cases: Invalid[]) {
	const bucket = cases.some((invalid) => invalid.readsBucket);
	const isBucketLookup = (r: EmulatorRequest) =>
		r.service === 'admin' && r.method === 'GET' && r.path.startsWith('/api/v1/projects/');
	return (await emu.requests()).filter((r) => !(bucket && isBucketLookup(r)));
}

/** Make the operation's records, then forget the set-up requests. */
async function prepare(op: Operation): Promise<Made> {
	const emu = emulator();
	const made = (await op.make?.(emu)) ?? {};
	await emu.clearRequests();
	return made;
}

function call(op: Operation, id: string, made: Made) {
	return { resource: op.resource, operation: op.operation, ...op.parameters(id, made) };
}

/** `count` input items, each carrying `ids[i]` as json.id (with the operation's binary, if any). */
function items(op: Operation, ids: string[]): INodeExecutionData[] {
	return ids.map((id) => {
		const item = op.item?.(id) ?? { json: {} };
		return { ...item, json: { ...item.json, id } };
	});
}

/** Each input is refused with its message, as an error and as an item (Continue On Fail), before any request. */
async function expectRefused(op: Operation, cases: Invalid[]) {
	const emu = emulator();
	const run = nodeRunner(op.node);
	const made = await prepare(op);
	for (const invalid of cases) {
		const parameters = { resource: op.resource, operation: op.operation, ...invalid.parameters(made) };
		const ids = Array.from({ length: invalid.items ?? 1 }, () => made.id ?? '');
		const options = { items: items(op, ids), credentials: invalid.credentials };
		const failed = await run(emu, parameters, options);
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toEqual(matching(invalid.error));
		const continued = await run(emu, parameters, { ...options, continueOnFail: true });
		expect(continued.output[0].json.error).toEqual(matching(invalid.error));
		expect(continued.output[0].pairedItem).toEqual({ item: 0 });
	}
	expect(await requestsBeyondBucket(emu, cases)).toHaveLength(0);
}

describe.each(offered.map((op) => [title(op), op] as const))('%s', (_title, op) => {
	const run = nodeRunner(op.node);

	test('a valid call sends its request; every item points back at its input item', async () => {
		const emu = emulator();
		const made = await prepare(op);
		const result = await run(emu, call(op, made.id ?? '', made), { items: items(op, [made.id ?? '']) });
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		for (const item of result.output) expect(item.pairedItem).toEqual({ item: 0 });
		const [method, path] = (documented && op.documentedRequest ? op.documentedRequest : op.request)(made).split(' ');
		const sent = await emu.requests({ service: op.requestService ?? op.service, method, path });
		expect(sent).not.toHaveLength(0);
		for (const request of sent) expect(request.status).toBeLessThan(400);
	});

	test('Continue On Fail: a refused call becomes an error item per input item, with the HTTP code', async () => {
		const emu = emulator();
		const made = await prepare(op);
		const id = made.id ?? '';
		const result = await run(emu, call(op, id, made), {
			items: items(op, [id, id]),
			continueOnFail: true,
			credentials: EXPIRED,
		});
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(2);
		result.output.forEach((item, index) => {
			expect(item.json.error).toMatch(/did not accept the access token/);
			expect(item.json.httpCode).toBe('401');
			expect(item.pairedItem).toEqual({ item: index });
		});
	});

	test('On Error "error output": the error items go to the second output', async () => {
		const emu = emulator();
		const made = await prepare(op);
		const id = made.id ?? '';
		const result = await run(emu, call(op, id, made), {
			items: items(op, [id]),
			onError: 'continueErrorOutput',
			credentials: EXPIRED,
		});
		expect(result.outputs[0] ?? []).toHaveLength(0);
		expect(result.outputs[1]).toHaveLength(1);
		expect(result.outputs[1][0].json.error).toMatch(/did not accept the access token/);
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 0 });
	});

	if (op.unknown) {
		const { id: unknown, error, ownError } = op.unknown;
		// The server's 404, unless the node words the not-found itself.
		const httpCode = ownError ? undefined : '404';
		test('an unknown ID is a readable not-found error; with Continue On Fail the next item goes on', async () => {
			const emu = emulator();
			const made = await prepare(op);
			const failed = await run(emu, call(op, unknown, made), { items: items(op, [unknown]) });
			expect(failed.status).toBe('error');
			expect(failed.error?.message).toBe(error);
			expect(failed.error?.httpCode ?? undefined).toBe(httpCode);
			const result = await run(emu, call(op, '={{ $json.id }}', made), {
				items: items(op, [unknown, made.id ?? '']),
				continueOnFail: true,
			});
			expect(result.status).toBe('success');
			expect(result.output.length).toBeGreaterThanOrEqual(2);
			expect(result.output[0].json.error).toBe(error);
			expect(result.output[0].json.httpCode).toBe(httpCode);
			expect(result.output[0].pairedItem).toEqual({ item: 0 });
			for (const item of result.output.slice(1)) {
				expect(item.json.error).toBeUndefined();
				expect(item.pairedItem).toEqual({ item: 1 });
			}
		});
	}

	if (op.invalid) {
		const cases = op.invalid;
		test('invalid input is refused naming the field, with no request; Continue On Fail keeps it as an item', async () => {
			await expectRefused(op, cases);
		});
	}
});

// Only in the documented profile (the full one has no such operation): what the published
// reference leaves out is refused up front.
const onlyReference = notOffered.length ? describe.each(notOffered.map((op) => [title(op), op] as const)) : null;
onlyReference?.('%s on a server with only the reference', (_title, op) => {
	const run = nodeRunner(op.node);

	test('"not offered" before any request; Continue On Fail keeps it as an item', async () => {
		const emu = emulator();
		const made = await prepare(op);
		const parameters = call(op, made.id ?? '', made);
		const failed = await run(emu, parameters, { items: items(op, [made.id ?? '']) });
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toMatch(/^This iFlow server does not offer /);
		const continued = await run(emu, parameters, { items: items(op, [made.id ?? '']), continueOnFail: true });
		expect(continued.output[0].json.error).toMatch(/does not offer/);
		expect(continued.output[0].pairedItem).toEqual({ item: 0 });
		expect(await emu.requests({ service: op.service })).toHaveLength(0);
	});

	if (op.invalid) {
		const cases = op.invalid.filter((invalid) => !invalid.offeredOnly);
		test('invalid input is still refused first, naming the field', async () => {
			await expectRefused(op, cases);
		});
	}
});

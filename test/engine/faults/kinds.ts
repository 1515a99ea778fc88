// The faults every create is tested against (engine tests in this folder): each way an answer
// can be lost, before the server stored anything and after it did; and how a test reads what the
// server kept, through routes both emulator profiles have.
import type { IDataObject } from 'n8n-workflow';

import type { EmulatorHandle } from '../../helpers/emulator';

export interface FaultKind {
	name: string;
	/** The emulator fault rule (README "Control API"), without where it applies. */
	rule: IDataObject;
	/** Whether the server stored the record before the answer was lost. */
	committed: boolean;
}

export const FAULT_KINDS: FaultKind[] = [
	{ name: 'connection reset before commit', rule: { reset: true }, committed: false },
	{ name: 'connection reset after commit', rule: { reset: true, afterCommit: true }, committed: true },
	{ name: '502 before commit', rule: { status: 502 }, committed: false },
	{ name: '502 after commit', rule: { status: 502, afterCommit: true }, committed: true },
	{ name: '504 before commit', rule: { status: 504 }, committed: false },
	{ name: '504 after commit', rule: { status: 504, afterCommit: true }, committed: true },
	// The 30 s client timeout itself is waited for once, in timeout.test.ts.
	{
		name: 'late answer after commit, then dropped',
		rule: { delayMs: 800, reset: true, afterCommit: true },
		committed: true,
	},
];

/** The fault kind of that name (for a test of one kind). */
export function faultKind(name: string): FaultKind {
	const kind = FAULT_KINDS.find((k) => k.name === name);
	if (!kind) throw new Error(`no fault kind "${name}"`);
	return kind;
}

/** One fault on the next matching request. */
export async function injectOnce(emu: EmulatorHandle, kind: FaultKind, where: IDataObject) {
	await emu.fault({ ...where, ...kind.rule, count: 1 });
}

/** Requests a create made: one when the first answer was lost after commit, two when it was sent again. */
export const expectedSends = (kind: FaultKind) => (kind.committed ? 1 : 2);

/** The emulator's whole state: what the server stored, whatever happened to its answers. */
export const stateOf = async (emu: EmulatorHandle) =>
	(await emu.control('GET', '/state')) as Record<string, IDataObject[]>;

/** The bytes the bucket holds at `path`, read through the documented signed download (undefined: nothing there). */
export async function stored(emu: EmulatorHandle, path: string): Promise<Buffer | undefined> {
	const link = await emu.api<{ status: number; body: { url: string } }>('files', 'GET', '/files/download-url', {
		query: { path },
		allowError: true,
		full: true,
	});
	return link.status === 404 ? undefined : Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
}

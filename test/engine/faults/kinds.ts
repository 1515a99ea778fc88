// The faults every create is tested against (engine tests in this folder): each way an answer
// can be lost, before the server stored anything and after it did.
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

/** One fault on the next matching request. */
export async function injectOnce(emu: EmulatorHandle, kind: FaultKind, where: IDataObject) {
	await emu.fault({ ...where, ...kind.rule, count: 1 });
}

/** Requests a create made: one when the first answer was lost after commit, two when it was sent again. */
export const expectedSends = (kind: FaultKind) => (kind.committed ? 1 : 2);

import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

import { isOutcomeUnknown } from './errors';

// Exactly-once creates. A create whose answer was lost (connection broken after sending, 502,
// 504, no answer in time) is never repeated blindly: a second sample or pipeline run is data
// corruption for a lab. Instead the node looks the record up by its natural key:
//   found and matching  → the item succeeds with that record, flagged `recovered: true`;
//   certainly absent    → the create is sent again (at most MAX_RESENDS times);
//   cannot tell         → the error of the failed create, saying what was looked up.

/** Creates sent again after a look-up found nothing, on top of the first. */
export const MAX_RESENDS = 3;
/** A create with no server-side uniqueness is looked up once more after this pause before a resend. */
export const DEFAULT_SETTLE_MS = 5_000;
/** Pause before the first resend of a create the server keeps unique; doubled each time. */
const RESEND_PAUSE_MS = 250;

export interface NaturalKey {
	/** What the key names, for messages: `sample "SAM-1"`. */
	label: string;
	/** The record the key names; undefined when there is certainly none. Throws when it cannot tell. */
	find(): Promise<IDataObject | undefined>;
	/** Fields in which a found record differs from what this create sends (none: it is the same record). */
	differences?(record: IDataObject): string[];
	/**
	 * The server refuses a second record with this key (409), so a resend can never make a
	 * duplicate: a late first create makes the resend fail with 409, and the look-up after it
	 * finds the record. Without it (runs), absence is checked twice, `settleMs` apart.
	 */
	unique: boolean;
	/** A found record that differs is overwritten by sending again (e.g. a pipeline with Overwrite on). */
	resendWhenDifferent?: boolean;
	settleMs?: number;
}

type Outcome = { ok: true; value: IDataObject } | { ok: false; error: unknown };

const attempt = async (work: () => Promise<IDataObject>): Promise<Outcome> =>
	await work().then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error }),
	);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The create's own error, with a description that says what the look-up found. */
function explained(error: unknown, node: INode, itemIndex: number, description: string): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.description = description;
		return error;
	}
	return new NodeOperationError(node, messageOf(error), { itemIndex, description });
}

/**
 * Send a create; after a failure whose outcome is unknown, find out through `key` instead of
 * failing (see the top of this file). Without a key, a failure is passed on as it is.
 */
export async function createOnce(
	node: INode,
	itemIndex: number,
	send: () => Promise<IDataObject>,
	key: NaturalKey | undefined,
): Promise<IDataObject> {
	let first: unknown;
	for (let sends = 1; ; sends++) {
		const sent = await attempt(send);
		if (sent.ok) return sent.value;
		const { error } = sent;
		// A refusal of a resend (409 "already exists", 404 for a moved source): the first create
		// may have gone through after all.
		const unknown = isOutcomeUnknown(error);
		const lateFirst = sends > 1 && !unknown && error instanceof NodeApiError;
		if (!key || !(unknown || lateFirst)) throw error as Error;
		first ??= error;

		const looked = await lookUp(key, !key.unique);
		if ('failed' in looked) {
			throw explained(
				error,
				node,
				itemIndex,
				`The answer to this create was lost (${messageOf(first)}): it may or may not have taken effect. The node looked for ${key.label} in iFlow to find out whether it was created, but could not tell (${messageOf(looked.failed)}). It was not sent again. Check in iFlow before running it again.`,
			);
		}
		const found = looked.record;
		if (found) {
			const differing = key.differences?.(found) ?? [];
			if (differing.length === 0) return { ...found, recovered: true };
			if (!key.resendWhenDifferent) {
				throw new NodeOperationError(
					node,
					`${capitalize(key.label)} exists in iFlow with other values (${differing.join(', ')})`,
					{
						itemIndex,
						description: `The create got no clear answer (${messageOf(first)}), so the node looked for ${key.label}: iFlow has one, but it is not what this item sends, so it was not created by this node. Nothing was sent again.`,
					},
				);
			}
		} else if (lateFirst) {
			throw explained(
				error,
				node,
				itemIndex,
				`${descriptionOf(error)} Before this, an attempt got no clear answer (${messageOf(first)}), and ${key.label} could not be found in iFlow afterwards.`,
			);
		}
		if (sends > MAX_RESENDS) {
			throw explained(
				error,
				node,
				itemIndex,
				`The answers to ${sends} attempts were lost (the last: ${messageOf(error)}). After each of the ${sends} attempts the node looked for ${key.label} in iFlow and did not find it: nothing was created. Run the node again later.`,
			);
		}
		// A troubled server gets a moment before the create is sent again (runs waited in lookUp).
		if (key.unique) await sleep(RESEND_PAUSE_MS * 2 ** (sends - 1));
	}
}

function descriptionOf(error: unknown): string {
	const description = (error as { description?: unknown })?.description;
	return typeof description === 'string' ? description : '';
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The key's record, or `failed` when the look-up could not tell; `twice` checks absence again after a pause. */
async function lookUp(
	key: NaturalKey,
	twice: boolean,
): Promise<{ record: IDataObject | undefined } | { failed: unknown }> {
	const once = async () =>
		await key.find().then(
			(record) => ({ record }),
			(failed: unknown) => ({ failed }),
		);
	const first = await once();
	if (!twice || 'failed' in first || first.record) return first;
	await sleep(key.settleMs ?? DEFAULT_SETTLE_MS);
	return await once();
}

/** A value as text for comparing what was sent with what iFlow keeps. */
function comparable(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value).trim();
}

/** Does `kept` hold `sent`? Lists: every sent entry; objects: every sent key; dates: the same day. */
export function holds(sent: unknown, kept: unknown): boolean {
	if (Array.isArray(sent)) {
		if (!Array.isArray(kept)) return false;
		const keptTexts = new Set(kept.map(comparable));
		return sent.every((entry) => keptTexts.has(comparable(entry)));
	}
	if (sent && typeof sent === 'object') {
		if (!kept || typeof kept !== 'object' || Array.isArray(kept)) return false;
		return Object.entries(sent as IDataObject).every(([name, value]) => holds(value, (kept as IDataObject)[name]));
	}
	const a = comparable(sent);
	const b = comparable(kept);
	// A date sent as YYYY-MM-DD may come back as a timestamp.
	return a === b || (/^\d{4}-\d{2}-\d{2}$/.test(a) && b.startsWith(a));
}

/**
 * The sent fields a record does not hold. Fields the server does not return are not compared
 * (a server may leave out what the reference does not list), nor are `ignore`d ones.
 */
export function differingFields(sent: IDataObject, record: IDataObject, ignore: string[] = []): string[] {
	return Object.entries(sent)
		.filter(([name, value]) => value !== undefined && !ignore.includes(name) && record[name] !== undefined)
		.filter(([name, value]) => !holds(value, record[name]))
		.map(([name]) => name);
}

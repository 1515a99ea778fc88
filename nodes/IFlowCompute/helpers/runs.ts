import type { IDataObject } from 'n8n-workflow';

/** Run statuses after which nothing changes (docs/flow-api.md §5.5). */
export const TERMINAL_STATUSES = ['succeeded', 'failed', 'cancelled'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

/** The run's status, lower-cased; `canceled` (US spelling) counts as `cancelled`. */
export function runStatus(run: IDataObject): string {
	const status = String(run.status ?? '')
		.trim()
		.toLowerCase();
	return status === 'canceled' ? 'cancelled' : status;
}

/** Terminal status, or undefined: unknown values (pending, submitted, …) mean "still running". */
export function terminalStatus(run: IDataObject): TerminalStatus | undefined {
	const status = runStatus(run);
	return (TERMINAL_STATUSES as readonly string[]).includes(status) ? (status as TerminalStatus) : undefined;
}

const time = (run: IDataObject) => Date.parse(String(run.created_at ?? '')) || 0;

/** Newest succeeded run (by created_at) of a list, as the CLI picks it; undefined if none. */
export function latestSucceeded(runs: IDataObject[]): IDataObject | undefined {
	return runs
		.filter((run) => runStatus(run) === 'succeeded')
		.reduce<IDataObject | undefined>((best, run) => (!best || time(run) > time(best) ? run : best), undefined);
}

/**
 * Key/value pairs → run params; a key given more than once becomes a list (docs/flow-api.md §7.9).
 * Any name is a plain key: on a null-prototype object `__proto__` is stored instead of
 * setting the prototype, and `constructor` or `toString` are not mistaken for existing keys.
 */
export function pairsToParams(pairs: Array<{ name?: string; value?: unknown }>): IDataObject {
	const params = Object.create(null) as IDataObject;
	for (const { name, value } of pairs) {
		const key = String(name ?? '').trim();
		if (!key) continue;
		const existing = params[key];
		const next = value ?? '';
		params[key] = existing === undefined ? next : Array.isArray(existing) ? [...existing, next] : [existing, next];
	}
	return params;
}

import { NodeOperationError, randomString } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { flowRequest, flowServiceApi, listItems, queryParameterListed } from '../../shared/transport';
import type { NaturalKey } from '../../shared/transport/reconcile';

// A run has no natural key of its own (iFlow names it), so Submit stamps one: a tag unique to
// the execution, the node and the item. After a submission whose answer was lost, the node
// looks for a run with that tag in GET /runs (docs/flow-api.md §7.8: `limit` CONFIRMED, newest first).

export const SUBMIT_TAG_PREFIX = 'n8n-submit:';
/** Runs read per look-up: the reference's largest page (INFERRED maximum of `limit`). */
const LOOKUP_PAGE = 1000;
/** Clocks of n8n and iFlow may differ by this much. */
const CLOCK_SKEW_MS = 10 * 60_000;

/** `n8n-submit:<execution>:<node>:<item>:<random>`: unique even when an execution runs the node twice. */
export function submitKeyTag(ctx: IExecuteFunctions, itemIndex: number): string {
	const execution = String(ctx.getExecutionId() ?? 'unknown');
	const node = String(ctx.getNode().id ?? ctx.getNode().name).slice(0, 8);
	return `${SUBMIT_TAG_PREFIX}${execution}:${node}:${itemIndex}:${randomString(8)}`;
}

const createdAt = (run: IDataObject) => Date.parse(String(run.created_at ?? '')) || 0;

/**
 * The run tagged `tag`, or undefined when it is certainly not there: the list ended, or it
 * reached back to runs created before the submission (the list is newest first). Throws when
 * the part of the list it could read does not reach back that far.
 */
async function findRunByTag(
	ctx: IExecuteFunctions,
	options: { tag: string; projectId: string; sentAt: number; itemIndex: number },
): Promise<IDataObject | undefined> {
	const api = await flowServiceApi(ctx, 'compute');
	const pageable = queryParameterListed(api, 'GET', '/runs', 'offset');
	for (let offset = 0; ; ) {
		const qs: IDataObject = { limit: LOOKUP_PAGE };
		if (offset > 0) qs.offset = offset;
		const body = await flowRequest.call(ctx, {
			service: 'compute',
			method: 'GET',
			path: '/runs',
			qs,
			project: 'required',
			projectId: options.projectId,
			itemIndex: options.itemIndex,
		});
		const page = listItems(body);
		const found = page.find((run) => Array.isArray(run.tags) && (run.tags as unknown[]).includes(options.tag));
		if (found) return found;
		if (page.length < LOOKUP_PAGE) return undefined;
		const oldest = Math.min(...page.map(createdAt));
		if (oldest < options.sentAt - CLOCK_SKEW_MS) return undefined;
		if (!pageable)
			throw new NodeOperationError(
				ctx.getNode(),
				`the newest ${LOOKUP_PAGE} runs do not reach back to the submission`,
				{ itemIndex: options.itemIndex },
			);
		offset += page.length;
	}
}

/** The natural key of a submission: its tag, found in the project's run list. */
export function submitKey(
	ctx: IExecuteFunctions,
	options: { tag: string; projectId: string; itemIndex: number },
): NaturalKey {
	const sentAt = Date.now();
	return {
		label: `a run tagged ${options.tag}`,
		// iFlow would accept a second run with the same tag: absence is checked twice before a resend.
		unique: false,
		find: async () => await findRunByTag(ctx, { ...options, sentAt }),
	};
}

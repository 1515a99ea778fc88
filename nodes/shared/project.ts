import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import type { FlowContext } from './transport';
import { resolveProjectId } from './transport';

/**
 * Read a node parameter from any context: execute contexts take an item index, load-options
 * contexts read the current node, poll/hook/webhook contexts take no item index.
 */
function readParameter(ctx: FlowContext, name: string, itemIndex: number, fallback: unknown): unknown {
	try {
		if ('getCurrentNodeParameter' in ctx) {
			return ctx.getCurrentNodeParameter(name, { extractValue: true }) ?? fallback;
		}
		if ('getInputData' in ctx) {
			return (ctx as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback, { extractValue: true });
		}
		return (ctx as IPollFunctions).getNodeParameter(name, fallback, { extractValue: true });
	} catch {
		return fallback;
	}
}

// The Project field of one item, read once per execution context (an operation may call several
// project-scoped helpers for one item).
const projectFieldCache = new WeakMap<object, Map<number, string>>();

/**
 * The project one item chose in the node's Project field, '' when empty or when the node has
 * none. The only code that reads the field by name: operations hand the result to the transport
 * (`FlowRequest.projectId`), which falls back to the credential's Default Project ID.
 */
export function itemProject(ctx: FlowContext, itemIndex = 0): string {
	let byItem = projectFieldCache.get(ctx);
	if (!byItem) {
		byItem = new Map();
		projectFieldCache.set(ctx, byItem);
	}
	let project = byItem.get(itemIndex);
	if (project === undefined) {
		const value = readParameter(ctx, 'project', itemIndex, '');
		project = typeof value === 'string' ? value.trim() : '';
		byItem.set(itemIndex, project);
	}
	return project;
}

/**
 * The item's project id itself (for a path such as `/projects/{id}`): the Project field, else the
 * credential's Default Project ID; fails before any request when neither is set.
 */
export async function requiredProject(ctx: FlowContext, itemIndex = 0): Promise<string> {
	return (await resolveProjectId(ctx, 'required', itemIndex, itemProject(ctx, itemIndex))) as string;
}

import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import type { FlowContext } from './transport';
import { resolveProjectId } from './transport';

/** A resource locator's value, or the value itself. */
function locatorValue(value: unknown): unknown {
	return value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
}

/**
 * Read a node parameter from any context: execute contexts take an item index, load-options
 * contexts read the current node, poll/hook/webhook contexts take no item index. Read without
 * n8n's `extractValue`, which throws for a node without the field (Compute's pipelines are not
 * project-scoped). An expression that fails is the item's error, never a silent fall-back to the
 * credential's default project (that would work in the wrong project); only a list picker, which
 * runs while the user is still typing, falls back.
 */
function readParameter(ctx: FlowContext, name: string, itemIndex: number, fallback: unknown): unknown {
	if ('getCurrentNodeParameter' in ctx) {
		try {
			return locatorValue(ctx.getCurrentNodeParameter(name)) ?? fallback;
		} catch {
			return fallback;
		}
	}
	if ('getInputData' in ctx) {
		return locatorValue((ctx as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback));
	}
	return locatorValue((ctx as IPollFunctions).getNodeParameter(name, fallback));
}

/** Whether the field holds an expression (raw, before n8n evaluates it). */
function isExpression(ctx: FlowContext, name: string, itemIndex: number): boolean {
	if ('getCurrentNodeParameter' in ctx || !('getInputData' in ctx)) return false;
	const value = locatorValue(
		(ctx as IExecuteFunctions).getNodeParameter(name, itemIndex, '', { rawExpressions: true }),
	);
	return typeof value === 'string' && value.startsWith('=');
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
		// n8n evaluates a failed mapping (`{{ $json.project }}` on an item without it) to nothing;
		// the credential's default project would then be used silently, in the wrong project.
		if (!project && isExpression(ctx, 'project', itemIndex)) {
			throw new NodeOperationError(ctx.getNode(), "The Project field's expression gave no project for this item", {
				itemIndex,
				description:
					"Check the expression, or leave the field empty (not an expression) to use the credential's Default Project ID.",
			});
		}
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

import { NodeOperationError } from 'n8n-workflow';

import type { FlowContext } from './context';
import { getFlowCredentials, readParameter } from './context';

/** How an endpoint treats X-Project-ID (reference §4.1). */
export type ProjectRule = 'required' | 'optional' | 'none';

/**
 * The project for a call: the node's Project field, else the credential's Default Project ID.
 * A required project that is missing fails here, before any request is sent.
 */
// The Project field of one item, read once per execution context: Return All asks for every page.
const projectFieldCache = new WeakMap<object, Map<number, unknown>>();

function projectField(ctx: FlowContext, itemIndex: number): unknown {
	let byItem = projectFieldCache.get(ctx);
	if (!byItem) {
		byItem = new Map();
		projectFieldCache.set(ctx, byItem);
	}
	if (!byItem.has(itemIndex)) byItem.set(itemIndex, readParameter(ctx, 'project', itemIndex, ''));
	return byItem.get(itemIndex);
}

export async function resolveProjectId(
	ctx: FlowContext,
	rule: ProjectRule,
	itemIndex = 0,
	explicit?: string,
): Promise<string | undefined> {
	if (rule === 'none') return undefined;
	const fromNode = explicit ?? projectField(ctx, itemIndex);
	let projectId = typeof fromNode === 'string' ? fromNode.trim() : '';
	if (!projectId) {
		const credentials = await getFlowCredentials(ctx);
		projectId = String(credentials.projectId ?? '').trim();
	}
	if (!projectId && rule === 'required') {
		throw new NodeOperationError(
			ctx.getNode(),
			"No project selected: set the node's 'Project' field or the 'Default Project ID' of the iFlow API credential",
			{ itemIndex, description: 'This iFlow service works inside one project and needs to know which.' },
		);
	}
	return projectId || undefined;
}

import { NodeOperationError } from 'n8n-workflow';

import type { FlowContext } from './context';
import { getFlowCredentials } from './context';

/** How an endpoint treats X-Project-ID (docs/flow-api.md §4.1). */
export type ProjectRule = 'required' | 'optional' | 'none';

/**
 * The project for a call: the one the operation chose (the node's Project field, read by
 * nodes/shared/project.ts), else the credential's Default Project ID. A required project that is
 * missing fails here, before any request is sent.
 */
export async function resolveProjectId(
	ctx: FlowContext,
	rule: ProjectRule,
	itemIndex: number,
	chosen: string | undefined,
): Promise<string | undefined> {
	if (rule === 'none') return undefined;
	let projectId = (chosen ?? '').trim();
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

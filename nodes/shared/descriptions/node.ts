import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

// What the iFlow nodes' descriptions share. The strict lint needs some keys written out in each
// <Name>.node.ts: `usableAsTool` (@n8n/community-nodes/node-usable-as-tool) and the
// Resource `options` (the options-list rules read the entries literally).

/**
 * The icon of every iFlow node, relative to the built node file (dist/nodes/<Name>/). Lint's
 * icon-validation reads only a literal icon, so test/unit/shared/nodeDescriptions.test.ts checks
 * that these files exist.
 */
export const IFLOW_ICON = {
	light: 'file:../../icons/iflow.svg',
	dark: 'file:../../icons/iflow.dark.svg',
} satisfies INodeTypeDescription['icon'];

/** One action node per Flow service: a transform with one input, one output, the iFlow API credential. */
export const ACTION_NODE = {
	group: ['transform'],
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'iFlowApi', required: true }],
} satisfies Partial<INodeTypeDescription>;

/** The action nodes' subtitle: "<operation>: <resource>". */
export const ACTION_SUBTITLE = '={{ $parameter["operation"] + ": " + $parameter["resource"] }}';

/** A polling trigger: no input, one output, the iFlow API credential. */
export const TRIGGER_NODE = {
	group: ['trigger'],
	polling: true,
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'iFlowApi', required: true }],
} satisfies Partial<INodeTypeDescription>;

/**
 * The Resource selector of an action node, but for `type`, `options` and `default`, which each
 * node writes (n8n-nodes-base/node-param-default-missing wants the default beside the type).
 */
export const RESOURCE_FIELD = {
	displayName: 'Resource',
	name: 'resource',
	noDataExpression: true,
} satisfies Partial<INodeProperties>;

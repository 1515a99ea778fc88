import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { itemProject } from '../../shared/project';
import { flowRequest, isNotFound } from '../../shared/transport';
import { differingFields } from '../../shared/transport/reconcile';
import type { NaturalKey } from '../../shared/transport/reconcile';

/**
 * The natural key of a pipeline version: slug + version (iFlow answers 409 "already exists" for
 * a second one), looked up with GET /pipelines/slug/{slug}?version= (docs/flow-api.md §7.5, CONFIRMED).
 */
export function pipelineVersionKey(ctx: IExecuteFunctions, body: IDataObject, itemIndex: number): NaturalKey {
	const slug = String(body.slug);
	const version = String(body.version);
	return {
		label: `pipeline ${slug} version ${version}`,
		unique: true,
		// With Overwrite on, sending again replaces an older record of that version, as intended.
		resendWhenDifferent: body.force === true,
		find: async () => {
			try {
				return (await flowRequest.call(ctx, {
					service: 'compute',
					method: 'GET',
					path: `/pipelines/slug/${encodeURIComponent(slug)}`,
					qs: { version },
					project: 'optional',
					projectId: itemProject(ctx, itemIndex),
					itemIndex,
				})) as IDataObject;
			} catch (error) {
				if (isNotFound(error)) return undefined;
				throw new NodeOperationError(ctx.getNode(), (error as Error).message, { itemIndex });
			}
		},
		differences: (pipeline) => differingFields(body, pipeline, ['force']),
	};
}

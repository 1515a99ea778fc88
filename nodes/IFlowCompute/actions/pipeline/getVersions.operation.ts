import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listPipelineVersions } from '../../helpers/computeApi';
import { pipelineField, readPipelineSlug } from '../fields';

const properties: INodeProperties[] = [pipelineField()];

const displayOptions = { show: { resource: ['pipeline'], operation: ['getVersions'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** All versions of a pipeline (inactive too), newest first. Flow answers [] for an unknown slug. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const slug = readPipelineSlug(this, itemIndex);
	const versions = await listPipelineVersions(this, slug, itemIndex);
	if (versions.length === 0) {
		throw new NodeOperationError(this.getNode(), `Pipeline "${slug}" not found: iFlow lists no versions of it`, {
			itemIndex,
		});
	}
	return versions;
}

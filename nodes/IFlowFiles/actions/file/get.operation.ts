import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { statPath } from '../../helpers/files';
import { resolvePath } from '../../helpers/paths';
import { pathField } from '../fields';

const properties: INodeProperties[] = [
	projectField(),
	pathField('filePath', 'File Path', 'The file (or folder) to describe.'),
];

const displayOptions = { show: { resource: ['file'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Size, type and modification time of one file, without its bytes. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = await resolvePath(this, 'filePath', 'File Path', itemIndex);
	const entry = await statPath(this, path, itemIndex);
	if (!entry) {
		throw new NodeOperationError(this.getNode(), `${path} does not exist in iFlow`, {
			itemIndex,
			description: "Check the 'File Path' (it is relative to the project's bucket) and the project.",
		});
	}
	return entry;
}

import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { filesRequest } from '../../helpers/files';
import { DELETE_INSTEAD } from '../file/delete.operation';
import { asFolder, resolvePath } from '../../helpers/paths';
import { pathField } from '../fields';

const properties: INodeProperties[] = [
	projectField(),
	pathField('folderPath', 'Folder Path', 'The folder to delete with everything in it.', {
		placeholder: 'workspace/scratch/',
	}),
	{
		displayName: 'Recursive',
		name: 'recursive',
		type: 'boolean',
		default: false,
		description:
			'Whether to delete the folder with every file below it. Must be on: it confirms that you mean to delete all of it.',
	},
];

const displayOptions = { show: { resource: ['folder'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const folder = asFolder(await resolvePath(this, 'folderPath', 'Folder Path', itemIndex));
	const recursive = this.getNodeParameter('recursive', itemIndex, false) as boolean;
	if (!recursive) {
		throw new NodeOperationError(
			this.getNode(),
			`'Recursive' is off: turn it on to delete ${folder} and every file in it`,
			{ itemIndex, description: 'Nothing was deleted. To delete a single file, use File › Delete.' },
		);
	}
	await filesRequest(this, {
		method: 'DELETE',
		path: '/files',
		qs: { path: folder, recursive: true },
		itemIndex,
		beyondReference: { instead: DELETE_INSTEAD },
	});
	return { deleted: true, path: folder };
}

import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { filesRequest } from '../../helpers/files';
import { resolvePath } from '../../helpers/paths';
import { pathField } from '../fields';

/** DELETE /files is not in the published reference. */
export const DELETE_INSTEAD =
	'Delete it in the iFlow web app, or, if your iFlow server has a delete route of its own, call it with API Request.';

const properties: INodeProperties[] = [
	projectField(),
	pathField('filePath', 'File Path', 'The file to delete. To delete a folder, use Folder › Delete.'),
];

const displayOptions = { show: { resource: ['file'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = await resolvePath(this, 'filePath', 'File Path', itemIndex, { kind: 'file' });
	await filesRequest(this, {
		method: 'DELETE',
		path: '/files',
		qs: { path },
		itemIndex,
		beyondReference: { instead: DELETE_INSTEAD },
	});
	return { deleted: true, path };
}

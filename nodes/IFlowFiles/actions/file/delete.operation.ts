import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filesRequest } from '../../helpers/files';
import { resolvePath } from '../../helpers/paths';
import { pathField, projectField } from '../fields';

/** DELETE /files is not in the published reference. */
export const DELETE_INSTEAD =
	'Delete it in the iFlow web app, or, if your iFlow server has a delete route of its own, call it with API Request.';

const show = { resource: ['file'], operation: ['delete'] };

export const description: INodeProperties[] = [
	projectField(show),
	pathField('filePath', 'File Path', show, 'The file to delete. To delete a folder, use Folder › Delete.'),
];

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

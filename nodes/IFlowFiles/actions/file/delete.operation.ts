import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filesRequest } from '../../helpers/files';
import { resolvePath } from '../../helpers/paths';
import { pathField, projectField } from '../fields';

const show = { resource: ['file'], operation: ['delete'] };

export const description: INodeProperties[] = [
	projectField(show),
	pathField('filePath', 'File Path', show, 'The file to delete. To delete a folder, use Folder › Delete.'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = await resolvePath(this, 'filePath', 'File Path', itemIndex, { kind: 'file' });
	await filesRequest(this, { method: 'DELETE', path: '/files', qs: { path }, itemIndex });
	return { deleted: true, path };
}

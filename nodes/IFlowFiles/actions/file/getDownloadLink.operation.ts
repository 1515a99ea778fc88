import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { filesRequest } from '../../helpers/files';
import { resolvePath } from '../../helpers/paths';
import { pathField } from '../fields';

const properties: INodeProperties[] = [
	projectField(),
	pathField(
		'filePath',
		'File Path',
		'The file to link to. Anyone holding the link can download the file until it expires (about an hour).',
	),
];

const displayOptions = { show: { resource: ['file'], operation: ['getDownloadLink'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** A signed GET URL and its expiry: hand big files to other systems without passing bytes through n8n. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = await resolvePath(this, 'filePath', 'File Path', itemIndex, { kind: 'file' });
	const signed = await filesRequest<IDataObject>(this, {
		method: 'GET',
		path: '/files/download-url',
		qs: { path },
		itemIndex,
	});
	return {
		path,
		url: signed?.url ?? null,
		expires_at: signed?.expires_at ?? null,
		expires_in: signed?.expires_in ?? null,
	};
}

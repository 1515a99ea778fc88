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
		'Destination Path',
		'Where the uploaded file will go. Anyone holding the link can write this file until it expires (about 15 minutes).',
	),
	{
		displayName: 'Content Type',
		name: 'contentType',
		type: 'string',
		default: 'application/octet-stream',
		placeholder: 'application/gzip',
		description: 'MIME type the upload must be sent with (it is part of the signature)',
	},
];

const displayOptions = { show: { resource: ['file'], operation: ['getUploadLink'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * A signed PUT URL and its expiry, for another system to upload directly. The uploader must
 * send the returned `content_type` as its Content-Type header.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = await resolvePath(this, 'filePath', 'Destination Path', itemIndex, { kind: 'file' });
	const contentType =
		String(this.getNodeParameter('contentType', itemIndex, '') ?? '').trim() || 'application/octet-stream';
	const signed = await filesRequest<IDataObject>(this, {
		method: 'POST',
		path: '/files/upload-url',
		body: { path, content_type: contentType },
		itemIndex,
		idempotent: true,
	});
	return {
		path,
		url: signed?.url ?? null,
		method: 'PUT',
		content_type: contentType,
		expires_at: signed?.expires_at ?? null,
		expires_in: signed?.expires_in ?? null,
	};
}

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { baseName } from '../../../shared/helpers';
import { downloadSignedUrl } from '../../../shared/transport/binary';
import { filesRequest } from '../../helpers/files';
import { resolvePath } from '../../helpers/paths';
import { pathField, projectField } from '../fields';

const show = { resource: ['file'], operation: ['download'] };

export const description: INodeProperties[] = [
	projectField(show),
	pathField('filePath', 'File Path', show, 'The file to download.'),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		description:
			'For files over a few MB, run n8n with N8N_DEFAULT_BINARY_DATA_MODE=filesystem (or S3) so the file is streamed to disk instead of memory',
		displayOptions: { show },
	},
];

interface SignedUrl {
	url?: string;
}

/** Signed URL from Flow, then a streamed GET into n8n's binary data; name, type and size from Flow. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const path = await resolvePath(this, 'filePath', 'File Path', itemIndex, { kind: 'file' });
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
	const signed = await filesRequest<SignedUrl>(this, {
		method: 'GET',
		path: '/files/download-url',
		qs: { path },
		itemIndex,
	});
	const fileName = baseName(path);
	const { binary, size, contentType } = await downloadSignedUrl.call(this, {
		url: String(signed?.url ?? ''),
		path,
		itemIndex,
		fileName,
	});
	return {
		json: { path, display_name: fileName, size, content_type: contentType },
		binary: { [property]: binary },
	};
}

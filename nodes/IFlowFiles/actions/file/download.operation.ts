import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, projectField } from '../../../shared/descriptions';
import { baseName } from '../../../shared/helpers';
import { downloadSignedUrl } from '../../../shared/transport/binary';
import {
	binaryDataMode,
	databaseLimitBytes,
	databaseLimitOption,
	tooLargeForDatabaseMode,
} from '../../helpers/binaryStorage';
import { filesRequest } from '../../helpers/files';
import { resolvePath } from '../../helpers/paths';
import { pathField } from '../fields';

const properties: INodeProperties[] = [
	projectField(),
	pathField('filePath', 'File Path', 'The file to download.'),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		description:
			'For files over a few MB, run n8n with N8N_DEFAULT_BINARY_DATA_MODE=filesystem (or S3) so the file is streamed to disk instead of memory. In queue mode n8n keeps files in its database (see Options).',
	},
	optionsCollection([databaseLimitOption()]),
];

const displayOptions = { show: { resource: ['file'], operation: ['download'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface SignedUrl {
	url?: string;
}

/** Signed URL from Flow, then a streamed GET into n8n's binary data; name, type and size from Flow. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const path = await resolvePath(this, 'filePath', 'File Path', itemIndex, { kind: 'file' });
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const limit = databaseLimitBytes(this, options, itemIndex);
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
		// Database mode would buffer the whole body and only then refuse it: stop at the headers.
		refuse: async (bytes) =>
			bytes !== undefined && bytes > limit && (await binaryDataMode(this)) === 'database'
				? tooLargeForDatabaseMode(this, { direction: 'download', path, bytes, limit, itemIndex })
				: undefined,
	});
	return {
		json: { path, display_name: fileName, size, content_type: contentType },
		binary: { [property]: binary },
	};
}

import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, projectField } from '../../../shared/descriptions';
import { storedSize, uploadSignedUrl } from '../../../shared/transport/binary';
import {
	databaseLimitBytes,
	databaseLimitOption,
	storedMode,
	tooLargeForDatabaseMode,
} from '../../helpers/binaryStorage';
import { filesRequest, statPath } from '../../helpers/files';
import { joinInputFileName, resolvePath } from '../../helpers/paths';
import { pathField } from '../fields';

/** Chunk size for reading n8n's stored binary data. */
const READ_CHUNK = 1024 * 1024;

const properties: INodeProperties[] = [
	projectField(),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to upload',
	},
	pathField(
		'filePath',
		'Destination Path',
		'Where to put the file. A path ending in / is a folder: the input file name is appended.',
		{ placeholder: 'samples/sam-2026-001/uploads/' },
	),
	optionsCollection([
		{
			displayName: 'Content Type',
			name: 'contentType',
			type: 'string',
			default: '',
			placeholder: 'application/gzip',
			description: "MIME type to store with the file. Default: the input file's MIME type.",
		},
		databaseLimitOption(),
		{
			displayName: 'Overwrite',
			name: 'overwrite',
			type: 'boolean',
			default: false,
			description: 'Whether to replace a file that already exists at the destination (otherwise the upload fails)',
		},
	]),
];

const displayOptions = { show: { resource: ['file'], operation: ['upload'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface UploadUrl {
	url?: string;
	headers?: IDataObject;
}

/**
 * Streams the binary property to a signed PUT URL (constant memory for n8n's filesystem/S3
 * binary modes; inline binary data is already in memory), then checks the stored size.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		contentType?: string;
		overwrite?: boolean;
		databaseModeMaxMiB?: number;
	};
	let path = await resolvePath(this, 'filePath', 'Destination Path', itemIndex);
	const binary = this.helpers.assertBinaryData(itemIndex, property);
	if (path.endsWith('/')) path = joinInputFileName(this, path, binary.fileName, property, itemIndex);
	const contentType = options.contentType?.trim() || binary.mimeType || 'application/octet-stream';
	// Database mode hands the file over as one Buffer (n8n's DatabaseManager.getAsStream): bound it.
	const limit = databaseLimitBytes(this, options, itemIndex);
	if (storedMode(binary) === 'database') {
		const bytes = await storedSize.call(this, binary);
		if (bytes > limit) throw tooLargeForDatabaseMode(this, { direction: 'upload', path, bytes, limit, itemIndex });
	}

	if (!options.overwrite && (await statPath(this, path, itemIndex))) {
		throw new NodeOperationError(this.getNode(), `${path} already exists in iFlow`, {
			itemIndex,
			description: "Turn on the 'Overwrite' option to replace it, or choose another 'Destination Path'.",
		});
	}

	const signed = await filesRequest<UploadUrl>(this, {
		method: 'POST',
		path: '/files/upload-url',
		body: { path, content_type: contentType },
		itemIndex,
		idempotent: true,
	});
	// The signature may cover headers (Content-Type at least): send them as given.
	const signedHeaders: IDataObject = {};
	let signedType: unknown;
	for (const [name, value] of Object.entries(signed?.headers ?? {})) {
		if (name.toLowerCase() === 'content-type') signedType = value;
		else if (name.toLowerCase() !== 'content-length') signedHeaders[name] = value;
	}
	// Stored on disk/S3 (has an id): stream it. Inline (memory mode): the buffer is already in memory.
	const inline = binary.id ? undefined : await this.helpers.getBinaryDataBuffer(itemIndex, property);
	const size = inline ? inline.length : await storedSize.call(this, binary);
	const body = inline ?? (await this.helpers.getBinaryStream(binary.id as string, READ_CHUNK));
	try {
		await uploadSignedUrl.call(this, {
			url: String(signed?.url ?? ''),
			path,
			itemIndex,
			body,
			// A stored file can be read again, so a failed PUT can be sent again.
			reopen: binary.id ? async () => await this.helpers.getBinaryStream(binary.id as string, READ_CHUNK) : undefined,
			size,
			headers: signedHeaders,
			contentType: typeof signedType === 'string' && signedType ? signedType : contentType,
		});
	} finally {
		// A failed PUT may leave the file stream open.
		(body as { destroy?: () => void }).destroy?.();
	}

	const stored = await statPath(this, path, itemIndex);
	const storedBytes = stored?.size === undefined || stored?.size === null ? undefined : Number(stored.size);
	if (storedBytes !== size) {
		throw new NodeOperationError(
			this.getNode(),
			`Upload of ${path} is incomplete: iFlow has ${storedBytes === undefined ? 'no file' : `${storedBytes} bytes`}, ${size} were sent`,
			{ itemIndex, description: 'The storage did not keep the whole file. Run the node again.' },
		);
	}
	return { ...stored, size: storedBytes };
}

import type { INodeProperties } from 'n8n-workflow';

import * as copy from './copy.operation';
import * as del from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getDownloadLink from './getDownloadLink.operation';
import * as getUploadLink from './getUploadLink.operation';
import * as move from './move.operation';
import * as upload from './upload.operation';

export const operations = { copy, delete: del, download, get, getDownloadLink, getUploadLink, move, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Copy',
				value: 'copy',
				action: 'Copy a file',
				description: 'Copy a file (or a whole folder) inside the project bucket',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a file',
				description: 'Delete one file',
			},
			{
				name: 'Download',
				value: 'download',
				action: 'Download a file',
				description: 'Stream a file from iFlow into a binary field',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a file',
				description: "Get a file's size, type and modification time (no bytes)",
			},
			{
				name: 'Get Download Link',
				value: 'getDownloadLink',
				action: 'Get a download link for a file',
				description: 'Get a signed URL that downloads the file without passing it through n8n',
			},
			{
				name: 'Get Upload Link',
				value: 'getUploadLink',
				action: 'Get an upload link for a file',
				description: 'Get a signed URL another system can upload a file to directly',
			},
			{
				name: 'Move or Rename',
				value: 'move',
				action: 'Move or rename a file',
				description: 'Move a file (or a whole folder) to another path, or rename it',
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a file',
				description: 'Stream a binary field to iFlow and check the stored size',
			},
		],
		default: 'download',
	},
	...copy.description,
	...del.description,
	...download.description,
	...get.description,
	...getDownloadLink.description,
	...getUploadLink.description,
	...move.description,
	...upload.description,
];

import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { ACTION_NODE, ACTION_SUBTITLE, IFLOW_ICON, RESOURCE_FIELD } from '../shared/descriptions/node';
import { withSimplify } from '../shared/descriptions';
import { getApiPaths, searchProjects } from '../shared/methods';
import { routeItems } from '../shared/router';
import { apiRequest } from './actions/apiRequest';
import * as file from './actions/file/File.resource';
import * as folder from './actions/folder/Folder.resource';
import { operations } from './actions/router';
import { SIMPLIFY } from './actions/simplify';

export class IFlowFiles implements INodeType {
	description: INodeTypeDescription = {
		...ACTION_NODE,
		displayName: 'iFlow Files',
		name: 'iFlowFiles',
		icon: IFLOW_ICON,
		// 1.1: Simplify on by default for file entries (Get, Upload, Folder › List).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: ACTION_SUBTITLE,
		description: "List, download, upload, link, copy, move and delete files in an iFlow project's bucket",
		defaults: { name: 'iFlow Files' },
		usableAsTool: true,
		properties: [
			{
				...RESOURCE_FIELD,
				type: 'options',
				// Lint rules read this list literally: keep entries as object literals.
				options: [
					{ name: 'File', value: 'file' },
					{ name: 'Folder', value: 'folder' },
					{
						name: 'API Request',
						value: 'apiRequest',
						description: 'Call any endpoint of the files service',
					},
				],
				default: 'file',
			},
			...file.description,
			...folder.description,
			...apiRequest.description,
		],
	};

	constructor() {
		// A Simplify field for each operation of SIMPLIFY, after that operation's own fields.
		this.description = withSimplify(SIMPLIFY, this.description);
	}

	methods = { listSearch: { getApiPaths, searchProjects } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, operations, { simplify: SIMPLIFY });
	}
}

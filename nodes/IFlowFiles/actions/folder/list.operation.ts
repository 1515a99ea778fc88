import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField, returnAllOrLimit } from '../../../shared/descriptions';
import { listFolder } from '../../helpers/files';
import { resolvePath } from '../../helpers/paths';
import { pathField } from '../fields';

const properties: INodeProperties[] = [
	projectField(),
	pathField('folderPath', 'Folder Path', 'The folder to list. Empty lists the bucket root.', {
		placeholder: 'samples/sam-2026-001/uploads/',
		required: false,
	}),
	{
		displayName: 'Recursive',
		name: 'recursive',
		type: 'boolean',
		default: false,
		description: 'Whether to list every file below the folder (no folder entries) instead of one level',
	},
	...returnAllOrLimit(),
];

const displayOptions = { show: { resource: ['folder'], operation: ['list'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** One item per entry: name, display_name, size, last_modified, is_folder, content_type, path. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const folder = await resolvePath(this, 'folderPath', 'Folder Path', itemIndex, { allowEmpty: true });
	const recursive = this.getNodeParameter('recursive', itemIndex, false) as boolean;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', itemIndex, 50)));
	return await listFolder(this, folder, { recursive, wanted: limit, itemIndex });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { listFolder } from '../../helpers/files';
import { resolvePath } from '../../helpers/paths';
import { pathField, projectField } from '../fields';

const show = { resource: ['folder'], operation: ['list'] };

export const description: INodeProperties[] = [
	projectField(show),
	pathField('folderPath', 'Folder Path', show, 'The folder to list. Empty lists the bucket root.', {
		placeholder: 'samples/sam-2026-001/uploads/',
		required: false,
	}),
	{
		displayName: 'Recursive',
		name: 'recursive',
		type: 'boolean',
		default: false,
		description: 'Whether to list every file below the folder (no folder entries) instead of one level',
		displayOptions: { show },
	},
	...returnAllOrLimit({ show }),
];

/** One item per entry: name, display_name, size, last_modified, is_folder, content_type, path. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const folder = await resolvePath(this, 'folderPath', 'Folder Path', itemIndex, { allowEmpty: true });
	const recursive = this.getNodeParameter('recursive', itemIndex, false) as boolean;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', itemIndex, 50)));
	return await listFolder(this, folder, { recursive, wanted: limit, itemIndex });
}

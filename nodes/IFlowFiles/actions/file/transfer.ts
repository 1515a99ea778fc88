import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField } from '../../../shared/descriptions';
import { createOnce } from '../../../shared/transport/reconcile';
import { filesRequest } from '../../helpers/files';
import { transferKey } from '../../helpers/transferKey';
import { resolvePath } from '../../helpers/paths';
import { overwriteField, pathField } from '../fields';

/** Copy and Move share their fields and their call. */
export function transferDescription(operation: 'copy' | 'move'): INodeProperties[] {
	const verb = operation === 'copy' ? 'copy' : 'move';
	const properties: INodeProperties[] = [
		projectField(),
		pathField(
			'sourcePath',
			'Source Path',
			`The file to ${verb}. A path ending in / ${verb === 'copy' ? 'copies' : 'moves'} the whole folder.`,
		),
		pathField(
			'destinationPath',
			'Destination Path',
			`The new path. A path ending in / is a folder: the source's name is kept${operation === 'move' ? ' (a different name renames the file)' : ''}.`,
			{ placeholder: 'samples/sam-2026-001/uploads/' },
		),
		overwriteField('Whether to replace files that already exist at the destination (otherwise the call fails)'),
	];
	const displayOptions = { show: { resource: ['file'], operation: [operation] } };
	return updateDisplayOptions(displayOptions, properties);
}

/** What to do on a server without the route (copy and move are not in the published reference). */
export const TRANSFER_INSTEAD = {
	copy: 'Download the file with File › Download and upload it to the new path with File › Upload (two iFlow Files nodes), or, if your iFlow server has a copy route of its own, call it with API Request.',
	move: 'Download the file with File › Download, upload it to the new path with File › Upload, then delete the original in the iFlow web app; or, if your iFlow server has a move route of its own, call it with API Request.',
};

export async function transfer(
	ctx: IExecuteFunctions,
	operation: 'copy' | 'move',
	itemIndex: number,
): Promise<IDataObject> {
	const source = await resolvePath(ctx, 'sourcePath', 'Source Path', itemIndex);
	const destination = await resolvePath(ctx, 'destinationPath', 'Destination Path', itemIndex);
	const overwrite = ctx.getNodeParameter('overwrite', itemIndex, false) as boolean;
	const send = async () =>
		(await filesRequest<IDataObject>(ctx, {
			method: 'POST',
			path: `/files/${operation}`,
			body: { source_path: source, destination_path: destination, overwrite },
			itemIndex,
			beyondReference: { instead: TRANSFER_INSTEAD[operation] },
		})) ?? {};
	const result = await createOnce(
		ctx.getNode(),
		itemIndex,
		send,
		transferKey(ctx, operation, source, destination, itemIndex),
	);
	if (result.recovered) return { source_path: source, destination_path: destination, objects: 1, recovered: true };
	return { source_path: source, destination_path: destination, ...result };
}

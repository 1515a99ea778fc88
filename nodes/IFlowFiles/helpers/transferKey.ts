import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { NaturalKey } from '../../shared/transport/reconcile';
import { statPath } from './files';

/**
 * The natural key of a file copy or move: the destination path, with the source's size for a
 * copy; a move is done when the destination is there and the source is gone. A folder (a
 * source ending in /) has none: many objects, some of which may have been copied.
 */
export function transferKey(
	ctx: IExecuteFunctions,
	operation: 'copy' | 'move',
	source: string,
	destination: string,
	itemIndex: number,
): NaturalKey | undefined {
	if (source.endsWith('/')) return undefined;
	// A destination folder keeps the source's name.
	const target = destination.endsWith('/') ? `${destination}${source.slice(source.lastIndexOf('/') + 1)}` : destination;
	let sourceSize: unknown;
	return {
		label: `the file ${target}`,
		// One path holds one object: a second copy or move cannot make a duplicate.
		unique: true,
		find: async () => {
			const copied = await statPath(ctx, target, itemIndex);
			const original = await statPath(ctx, source, itemIndex);
			sourceSize = original?.size;
			if (operation === 'copy') return copied;
			if (copied && !original) return copied;
			if (original) return undefined;
			throw new NodeOperationError(ctx.getNode(), `neither ${source} nor ${target} exists`, { itemIndex });
		},
		differences: (copied) =>
			operation === 'copy' && sourceSize !== undefined && String(copied.size) !== String(sourceSize) ? ['size'] : [],
	};
}

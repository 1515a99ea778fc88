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
	if (source.endsWith('/') || destination.endsWith('/')) return undefined;
	let sourceSize: unknown;
	return {
		label: `${destination}`,
		// One path holds one object: a second copy or move cannot make a duplicate.
		unique: true,
		find: async () => {
			const [target, original] = [await statPath(ctx, destination, itemIndex), await statPath(ctx, source, itemIndex)];
			sourceSize = original?.size;
			if (operation === 'copy') return target;
			if (target && !original) return target;
			if (original) return undefined;
			throw new NodeOperationError(ctx.getNode(), `neither ${source} nor ${destination} exists`, { itemIndex });
		},
		differences: (target) =>
			operation === 'copy' && sourceSize !== undefined && String(target.size) !== String(sourceSize) ? ['size'] : [],
	};
}

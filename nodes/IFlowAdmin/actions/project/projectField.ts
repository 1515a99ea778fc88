import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { projectLocator } from '../../../shared/descriptions';

/** The project an Admin operation acts on; empty = the credential's Default Project ID. */
export function projectField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		...projectLocator,
		description:
			"The project: pick it from the list or paste its ID or slug (from iFlow Admin › Project › Get Many). Leave empty to use the credential's Default Project ID.",
		displayOptions,
	};
}

import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { projectLocator } from '../../shared/descriptions';

/** The Project field, shown for the given resource/operation. */
export function projectField(show: IDisplayOptions['show']): INodeProperties {
	return { ...projectLocator, displayOptions: { show } };
}

/** A bucket-relative path (a `gs://`/`s3://` URI of the project's bucket works too). */
export function pathField(
	name: string,
	displayName: string,
	show: IDisplayOptions['show'],
	description: string,
	options: { placeholder?: string; required?: boolean } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: options.required ?? true,
		placeholder: options.placeholder ?? 'samples/sam-2026-001/uploads/sample.vcf.gz',
		description: `${description} Relative to the project's bucket; a gs:// or s3:// URI of that bucket works too`,
		displayOptions: { show },
	};
}

export function overwriteField(show: IDisplayOptions['show'], description: string): INodeProperties {
	return {
		displayName: 'Overwrite',
		name: 'overwrite',
		type: 'boolean',
		default: false,
		description,
		displayOptions: { show },
	};
}

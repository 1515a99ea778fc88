import type { INodeProperties } from 'n8n-workflow';

/** A bucket-relative path (a `gs://`/`s3://` URI of the project's bucket works too). */
export function pathField(
	name: string,
	displayName: string,
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
	};
}

export function overwriteField(description: string): INodeProperties {
	return {
		displayName: 'Overwrite',
		name: 'overwrite',
		type: 'boolean',
		default: false,
		description,
	};
}

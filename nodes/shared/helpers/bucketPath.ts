/**
 * Paths in Flow are relative to the project bucket (docs/flow-api.md §4.5). Server objects carry full
 * `gs://bucket/…` or `s3://bucket/…` URIs; users may paste either form.
 */
export function normalizeBucketName(bucket: string | null | undefined): string {
	return String(bucket ?? '')
		.replace(/^(gs|s3):\/\//, '')
		.replace(/\/+$/, '');
}

export interface BucketPathResult {
	path?: string;
	/** Why the input cannot be used (set instead of `path`). */
	problem?: string;
}

/**
 * A bucket-relative path from a relative path or a bucket URI. A URI of another bucket, `..`
 * segments and (unless allowed) an empty path are refused.
 */
export function toBucketPath(
	input: string,
	bucket?: string | null,
	options: { allowEmpty?: boolean } = {},
): BucketPathResult {
	let path = String(input ?? '').trim();
	const uri = /^(gs|s3):\/\/([^/]+)\/?(.*)$/.exec(path);
	if (uri) {
		const expected = normalizeBucketName(bucket);
		if (expected && uri[2] !== expected) {
			return { problem: `"${path}" is in bucket ${uri[2]}, not in this project's bucket ${expected}` };
		}
		path = uri[3];
	} else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
		return { problem: `"${path}" is a URL; give a path inside the project bucket` };
	}
	path = path.replace(/^\/+/, '');
	if (path.split('/').some((segment) => segment === '..' || segment === '.')) {
		return { problem: `"${input}" contains "." or ".." segments` };
	}
	if (!path && !options.allowEmpty) return { problem: 'the path is empty' };
	return { path };
}

/** Flow's folder slug for an entity: display_id lower-cased, non-alphanumerics → '-'. */
export function slugify(displayId: string): string {
	return String(displayId)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** The last segment of a path, for file names. */
export function baseName(path: string): string {
	const parts = path.replace(/\/+$/, '').split('/');
	return parts[parts.length - 1] || path;
}
